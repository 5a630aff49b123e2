package io.kapsocode.model.node;

/**
 * A {@code wait_for_response} node: pauses until the user answers or the timeout passes, then
 * continues on {@code next} ({@code {{system.last_resume.reason}}} tells which).
 *
 * @param hasTimeout whether a timeout applies; derived from {@code timeoutSeconds} when unset
 * @param timeoutSeconds seconds to wait (Kapso accepts 10 to 604800)
 * @param saveResponseTo variable that receives the answer (it is always in {@code last_user_input})
 */
public record WaitForResponseConfig(Boolean hasTimeout, Integer timeoutSeconds, String saveResponseTo)
        implements NodeConfig {

    public static final String TYPE = "wait_for_response";

    @Override
    public String nodeType() {
        return TYPE;
    }

    /** {@code has_timeout} as Kapso stores it: explicit, or true exactly when a timeout is given. */
    public boolean effectiveHasTimeout() {
        return hasTimeout != null ? hasTimeout : timeoutSeconds != null;
    }
}
