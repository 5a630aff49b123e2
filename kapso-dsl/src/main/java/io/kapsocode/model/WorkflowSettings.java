package io.kapsocode.model;

/**
 * Workflow-level settings; unset values keep Kapso's defaults.
 *
 * @param messageDebounceSeconds seconds to wait for more inbound messages before running (default 1)
 * @param inboundMessageReadMode read receipts and typing indicator (default {@code read_with_typing})
 */
public record WorkflowSettings(Integer messageDebounceSeconds, InboundMessageReadMode inboundMessageReadMode) {

    /** No setting given: Kapso's defaults apply. */
    public static final WorkflowSettings DEFAULTS = new WorkflowSettings(null, null);

    public boolean isEmpty() {
        return messageDebounceSeconds == null && inboundMessageReadMode == null;
    }
}
