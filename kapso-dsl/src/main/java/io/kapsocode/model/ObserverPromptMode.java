package io.kapsocode.model;

/** How an agent behaves in observer executions. */
public enum ObserverPromptMode implements WireValue {
    ANALYSIS_ONLY("analysis_only"),
    INTERACTIVE_CHAT("interactive_chat");

    private final String wire;

    ObserverPromptMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
