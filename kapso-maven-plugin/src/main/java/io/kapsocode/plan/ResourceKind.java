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
}
