package io.kapsocode.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * What plays a conversation: the {@link Simulator} offline, or a live Kapso project through its
 * executions API ({@link LiveRuntime}). A runtime that cannot do something (a live project cannot be
 * made to receive a WhatsApp message, nor its clock be moved) throws {@link UnsupportedOperationException}
 * saying so.
 */
public interface ConversationRuntime {

    /** An inbound WhatsApp message starts the workflow. */
    Execution startInbound(String workflow, String text, String phoneNumber);

    /** {@code POST /workflows/{id}/executions}; {@code phoneNumber} may be {@code null} offline. */
    Execution startApiCall(String workflow, String phoneNumber, Map<String, ?> variables, Map<String, ?> context);

    Execution startWhatsappEvent(String workflow, String event, Map<String, ?> payload);

    Execution startProjectEvent(String workflow, String eventName, Map<String, ?> properties);

    /** The user's next message, for the deepest waiting execution of the conversation. */
    void userMessage(Execution root, String text);

    /** Time passes: a wait whose timeout passes resumes as {@code timeout}. */
    void advanceClock(Execution root, Duration duration);
}
