package io.kapsocode.simulator;

/** Kapso's execution statuses (contract §C.3): {@code ended} and {@code failed} are terminal. */
public enum ExecutionStatus {
    RUNNING,
    WAITING,
    ENDED,
    FAILED,
    HANDOFF;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
