package io.kapsocode.model;

/** A workflow's lifecycle state: only {@code active} workflows run. */
public enum WorkflowStatus implements WireValue {
    DRAFT("draft"),
    ACTIVE("active"),
    ARCHIVED("archived");

    private final String wire;

    WorkflowStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
