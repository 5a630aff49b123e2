package io.kapsocode.plan;

/** The Kapso resources a plan manages, in the order apply writes them. */
public enum ResourceKind {
    FUNCTION("function"),
    WHATSAPP_FLOW("WhatsApp flow"),
    WORKFLOW("workflow");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code workflow:order-status}, how plans and the applied state name a resource. */
    public String address(String key) {
        return name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
    }
}
