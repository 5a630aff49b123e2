package io.kapsocode.model;

/** Whether Kapso marks inbound messages read, and shows typing, while a workflow handles them. */
public enum InboundMessageReadMode implements WireValue {
    DISABLED("disabled"),
    READ_ONLY("read_only"),
    READ_WITH_TYPING("read_with_typing");

    private final String wire;

    InboundMessageReadMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
