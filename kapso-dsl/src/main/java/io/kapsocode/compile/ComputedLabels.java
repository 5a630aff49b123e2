package io.kapsocode.compile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The display names Kapso computes for a node its author did not label. Such a label is not the author's:
 * it goes stale when the node changes ({@code Wait for Response (300s timeout)} after the timeout became
 * 600 s), so it is treated as unset: not pulled into sources, not compared in plans.
 *
 * <p>The rule, per node type (observed in GET /definition exports, contract §A.2; the other types as the
 * dashboard titles them):
 *
 * <ul>
 *   <li>{@code start}: {@code Start}; {@code agent}: {@code AI Agent}; {@code send_text}:
 *       {@code Send Text Message};
 *   <li>{@code wait_for_response}: {@code Wait for Response}, or with {@code (<n>s timeout)} for any n;
 *   <li>{@code decide}: {@code Decision}, {@code Decision: AI}, {@code Decision: Function};
 *   <li>{@code function}: {@code Function}, or {@code Function: <the function's name>} (any name: an id
 *       reference does not tell which);
 *   <li>{@code set_variable}: {@code Set Variable}, or {@code Set Variable: <its variable_name>};
 *   <li>{@code emit_event}: {@code Emit Event}, or {@code Emit Event: <its event_name>};
 *   <li>any other type: its name in title case ({@code send_template}: {@code Send Template}), also
 *       followed by {@code Message} for the send types, and {@code Call Workflow} for {@code call}.
 * </ul>
 */
public final class ComputedLabels {

    private static final Pattern WAIT = Pattern.compile("Wait for Response( \\(\\d+s timeout\\))?");

    private ComputedLabels() {}

    /** Whether {@code displayName} is what Kapso computes for a node of this type and config. */
    public static boolean isComputed(String nodeType, JsonNode config, String displayName) {
        if (displayName == null || displayName.isEmpty()) {
            return true;
        }
        String title = title(nodeType);
        return switch (nodeType) {
            case "start" -> displayName.equals("Start");
            case "agent" -> displayName.equals("AI Agent") || displayName.equals(title);
            case "wait_for_response" -> WAIT.matcher(displayName).matches();
            case "decide" ->
                displayName.equals("Decision")
                        || displayName.equals("Decision: AI")
                        || displayName.equals("Decision: Function");
            case "function" -> displayName.equals("Function") || displayName.startsWith("Function: ");
            case "set_variable" ->
                displayName.equals(title)
                        || displayName.equals(
                                title + ": " + config.path("variable_name").asText());
            case "emit_event" ->
                displayName.equals(title)
                        || displayName.equals(
                                title + ": " + config.path("event_name").asText());
            case "call" -> displayName.equals(title) || displayName.equals("Call Workflow");
            default ->
                displayName.equals(title) || (nodeType.startsWith("send_") && displayName.equals(title + " Message"));
        };
    }

    /** The label Kapso gives such a node; {@code functionName} names the function of a function node. */
    public static String compute(String nodeType, JsonNode config, String functionName) {
        return switch (nodeType) {
            case "start" -> "Start";
            case "agent" -> "AI Agent";
            case "send_text" -> "Send Text Message";
            case "wait_for_response" ->
                config.path("has_timeout").asBoolean(false)
                                && config.path("timeout_seconds").canConvertToInt()
                        ? "Wait for Response (" + config.path("timeout_seconds").asInt() + "s timeout)"
                        : "Wait for Response";
            case "decide" ->
                "function".equals(config.path("decision_type").asText()) ? "Decision: Function" : "Decision: AI";
            case "function" ->
                functionName == null || functionName.isBlank()
                        ? "Function"
                        : "Function: " + title(functionName.replace(' ', '_'));
            case "set_variable" ->
                "Set Variable: " + config.path("variable_name").asText();
            case "emit_event" -> "Emit Event: " + config.path("event_name").asText();
            case "call" -> "Call Workflow";
            default -> title(nodeType);
        };
    }

    /** {@code send_template} as {@code Send Template}. */
    private static String title(String snakeCase) {
        StringBuilder out = new StringBuilder();
        for (String word : snakeCase.split("[_-]")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ")
                        .append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1));
            }
        }
        return out.toString();
    }
}
