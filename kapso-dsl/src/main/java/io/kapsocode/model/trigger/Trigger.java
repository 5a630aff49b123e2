package io.kapsocode.model.trigger;

/**
 * What starts a workflow. Triggers are not part of the definition; they are synced as one set per
 * workflow. {@code active} is {@code true} unless set otherwise.
 */
public sealed interface Trigger
        permits InboundMessageTrigger, ApiCallTrigger, WhatsappEventTrigger, ProjectEventTrigger {

    /** Kapso's {@code trigger_type}. */
    String triggerType();

    /** Whether the trigger is active, as written; {@code null} means the default, active. */
    Boolean active();

    /** Whether the trigger is active, with the default applied. */
    default boolean isActive() {
        return active() == null || active();
    }
}
