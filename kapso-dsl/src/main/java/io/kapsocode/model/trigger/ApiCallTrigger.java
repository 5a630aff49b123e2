package io.kapsocode.model.trigger;

/**
 * Lets the workflow be started through {@code POST /workflows/{id}/executions}.
 *
 * @param active whether it is active (default true)
 */
public record ApiCallTrigger(Boolean active) implements Trigger {

    public static final String TYPE = "api_call";

    @Override
    public String triggerType() {
        return TYPE;
    }
}
