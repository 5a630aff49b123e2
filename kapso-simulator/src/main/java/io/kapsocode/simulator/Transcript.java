package io.kapsocode.simulator;

import java.util.List;

/** A conversation as a reader follows it: who said what, at which node, along which edge. */
final class Transcript {

    private Transcript() {}

    static String of(List<StepEvent> events) {
        StringBuilder out = new StringBuilder();
        for (StepEvent e : events) {
            String where = e.node().isEmpty() ? "" : "[" + e.workflow() + "/" + e.node() + "] ";
            String line = switch (e.type()) {
                case "user_message" -> "  user: " + e.detail();
                case "message_sent" -> "  bot " + where + e.detail();
                case "decision" -> "    decide " + where + "-> " + e.detail();
                case "function_called" -> "    function " + where + e.detail();
                case "webhook_called" -> "    webhook " + where + e.detail();
                case "call" -> "    call " + where + "-> " + e.detail();
                case "event_emitted" -> "    event " + where + e.detail();
                case "waiting" -> "    ... waiting " + where + e.detail();
                case "resumed" -> "    resumed " + where + "(" + e.detail() + ")";
                case "unknown_variable" -> "    ! " + where + e.detail();
                case "ignored" -> "    ! " + where + e.detail();
                case "ended" -> "  = ended " + where;
                case "handoff" -> "  = handed off " + where + e.detail();
                case "failed" -> "  = FAILED " + where + e.detail();
                default -> null; // step_entered, step_completed: too fine for a reader
            };
            if (line != null) {
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }
}
