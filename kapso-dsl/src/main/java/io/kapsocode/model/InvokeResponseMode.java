package io.kapsocode.model;

/** How a function's response is returned: as is, or wrapped under {@code data} (legacy). */
public enum InvokeResponseMode implements WireValue {
    PASSTHROUGH("passthrough"),
    WRAPPED("wrapped");

    private final String wire;

    InvokeResponseMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
