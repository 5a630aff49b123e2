package io.kapsocode.model;

/** Whether an agent's text is sent automatically or only through its tools. */
public enum MessageDeliveryMode implements WireValue {
    AUTO_SEND_ASSISTANT_TEXT("auto_send_assistant_text"),
    TOOL_ONLY("tool_only");

    private final String wire;

    MessageDeliveryMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
