package io.kapsocode.model.node;

/** The {@code start} node: no configuration; every workflow has exactly one, with id {@code start}. */
public record StartConfig() implements NodeConfig {

    public static final String TYPE = "start";

    /** The id the start node must have. */
    public static final String ID = "start";

    @Override
    public String nodeType() {
        return TYPE;
    }
}
