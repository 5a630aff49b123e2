package io.kapsocode.model;

/** How a {@code decide} node picks its branch: an AI model, or a function returning {@code next_edge}. */
public enum DecisionType implements WireValue {
    AI("ai"),
    FUNCTION("function");

    private final String wire;

    DecisionType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
