package io.kapsocode.model;

/** WhatsApp events a {@code whatsapp_event} trigger can observe. */
public enum WhatsappEvent implements WireValue {
    MESSAGE_RECEIVED("whatsapp.message.received"),
    MESSAGE_SENT("whatsapp.message.sent"),
    MESSAGE_FAILED("whatsapp.message.failed"),
    CONVERSATION_CREATED("whatsapp.conversation.created"),
    CONVERSATION_ENDED("whatsapp.conversation.ended");

    private final String wire;

    WhatsappEvent(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
