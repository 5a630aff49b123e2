package io.kapsocode.model;

/** How a WhatsApp Flow opens: on a fixed screen, or by asking its data endpoint. */
public enum FlowAction implements WireValue {
    NAVIGATE("navigate"),
    DATA_EXCHANGE("data_exchange");

    private final String wire;

    FlowAction(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
