package io.kapsocode.model;

/**
 * Workflow-level settings; unset values keep Kapso's defaults.
 *
 * @param messageDebounceSeconds seconds to wait for more inbound messages before running (default 1)
 * @param inboundMessageReadMode read receipts and typing indicator (default {@code read_with_typing})
 * @param legacyName the name of the flow this workflow is on Kapso's legacy flows API, which has no
 *     slug and matches by name (default: the workflow's name)
 */
public record WorkflowSettings(
        Integer messageDebounceSeconds, InboundMessageReadMode inboundMessageReadMode, String legacyName) {

    /** The settings the Platform API keeps. */
    public WorkflowSettings(Integer messageDebounceSeconds, InboundMessageReadMode inboundMessageReadMode) {
        this(messageDebounceSeconds, inboundMessageReadMode, null);
    }

    /** No setting given: Kapso's defaults apply. */
    public static final WorkflowSettings DEFAULTS = new WorkflowSettings(null, null, null);

    public boolean isEmpty() {
        return messageDebounceSeconds == null && inboundMessageReadMode == null && legacyName == null;
    }
}
