package io.kapsocode.model;

/** The interactive message variants a {@code send_interactive} node can send (the ones Kapso's import maps). */
public enum InteractiveType implements WireValue {
    BUTTON("button"),
    LIST("list"),
    CTA_URL("cta_url"),
    FLOW("flow"),
    LOCATION_REQUEST_MESSAGE("location_request_message");

    private final String wire;

    InteractiveType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
