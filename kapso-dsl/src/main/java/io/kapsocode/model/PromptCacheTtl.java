package io.kapsocode.model;

/** How long an agent's prompt stays cached (one hour only with Anthropic models). */
public enum PromptCacheTtl implements WireValue {
    FIVE_MINUTES("5m"),
    ONE_HOUR("1h");

    private final String wire;

    PromptCacheTtl(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
