package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.trigger.InboundMessageTrigger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A conversation test: what the user says, what the world answers, and what the workflow must do,
 * written in the order it happens. It runs lazily: each expectation runs the workflow as far as the
 * messages and stubs given so far take it, then checks. A failed expectation shows the conversation so
 * far as a transcript.
 *
 * <pre>{@code
 * Conversation.of(project, "order-status")
 *         .user("hi")
 *         .expectText("What is your order number?")
 *         .user("A-17")
 *         .function("lookup-order").returns(FunctionAnswer.nextEdge("found"))
 *         .expectText(Text.contains("on its way"))
 *         .expectEnded();
 * }</pre>
 */
public final class Conversation {

    private final Project project;
    private final String workflow;
    private final Scenario scenario = new Scenario();
    private final Deque<Consumer<ConversationRuntime>> pending = new ArrayDeque<>();
    private final List<String> notes = new java.util.ArrayList<>();
    private Consumer<ConversationRuntime> start;
    private ConversationRuntime runtime;
    private Execution execution;
    private int read;

    private Conversation(Project project, String workflow) {
        this.project = project;
        this.workflow = workflow;
        if (project.workflow(workflow).isEmpty()) {
            throw new IllegalArgumentException("the project has no workflow '" + workflow + "'");
        }
    }

    /** A conversation with {@code workflow}: its first {@link #user} message starts it. */
    public static Conversation of(Project project, String workflow) {
        return new Conversation(project, workflow);
    }

    /**
     * Plays the conversation on this runtime instead of the simulator, such as a live project's
     * ({@link LiveRuntime}); the stubs of the conversation are then not used, the project's own
     * functions, models and agents answer.
     */
    public Conversation on(ConversationRuntime runtime) {
        if (this.runtime != null) {
            throw new IllegalStateException("the conversation has started already");
        }
        this.runtime = runtime;
        return this;
    }

    // ---- how it starts

    /** Started by {@code POST /workflows/{id}/executions} with these variables and context. */
    public Conversation startedByApi(Map<String, ?> variables, Map<String, ?> context) {
        return startedByApi(null, variables, context);
    }

    /** Started by {@code POST /workflows/{id}/executions} for this participant ({@code context.phone_number}). */
    public Conversation startedByApi(String phoneNumber, Map<String, ?> variables, Map<String, ?> context) {
        start = s -> execution = s.startApiCall(workflow, phoneNumber, variables, context);
        return this;
    }

    /** Started by a WhatsApp event, such as {@code whatsapp.conversation.ended}. */
    public Conversation startedByWhatsappEvent(String event, Map<String, ?> payload) {
        start = s -> execution = s.startWhatsappEvent(workflow, event, payload);
        return this;
    }

    /** Started by a project event with these properties. */
    public Conversation startedByProjectEvent(String eventName, Map<String, ?> properties) {
        start = s -> execution = s.startProjectEvent(workflow, eventName, properties);
        return this;
    }

    // ---- what the user and the world do

    /** The user's next message: it starts an inbound-message conversation, or answers a wait. */
    public Conversation user(String text) {
        if (start == null && execution == null && pending.isEmpty()) {
            String number = project.workflow(workflow).orElseThrow().triggers().stream()
                    .filter(InboundMessageTrigger.class::isInstance)
                    .map(t -> ((InboundMessageTrigger) t).phoneNumberId())
                    .findFirst()
                    .orElse("15550000000");
            start = s -> execution = s.startInbound(workflow, text, number);
        } else {
            pending.add(s -> s.userMessage(execution, text));
        }
        return this;
    }

    /** Time passes on the simulated clock: a wait whose timeout passes resumes as {@code timeout}. */
    public Conversation after(Duration duration) {
        pending.add(s -> s.advanceClock(execution, duration));
        return this;
    }

    /** How function {@code slug} answers, next time it is called. */
    public FunctionStub function(String slug) {
        return answer -> {
            scenario.function(slug, answer);
            return this;
        };
    }

    /** What webhook node {@code node} receives, instead of making its request. */
    public Conversation webhook(String node, Object response) {
        scenario.webhook(node, response);
        return this;
    }

    /** The label the model of decide node {@code node} picks. */
    public Conversation aiPicks(String node, String label) {
        scenario.aiPicks(node, label);
        return this;
    }

    /** What agent node {@code node} does. */
    public Conversation agent(String node, AgentTurn... turns) {
        scenario.agent(node, List.of(turns));
        return this;
    }

    /** A value for {@code ${ENV:NAME}}. */
    public Conversation env(String name, String value) {
        scenario.env(name, value);
        return this;
    }

    /** Runs functions without a stub through this runner (their own code, say). */
    public Conversation functionCode(FunctionRunner runner) {
        scenario.functionCode(runner);
        return this;
    }

    /** Completes {@link #function(String)}. */
    @FunctionalInterface
    public interface FunctionStub {
        Conversation returns(FunctionAnswer answer);
    }

    // ---- expectations

    /** The next message the workflow sends reads exactly {@code text}. */
    public Conversation expectText(String text) {
        return expectText(Text.is(text));
    }

    /** The next message the workflow sends matches. */
    public Conversation expectText(Text expected) {
        drive();
        if (!execution.log.messagesObserved) {
            notes.add("not checked: the next message is " + expected + "; the runtime does not show what was sent");
            return this;
        }
        List<Message> messages = execution.log.messages;
        if (read >= messages.size()) {
            throw failure("expected the workflow to send " + expected + ", but it sent nothing more ("
                    + execution.status().wire() + ")");
        }
        Message message = messages.get(read++);
        if (!expected.test(message.text())) {
            throw failure("expected the workflow to send " + expected + ", but node '" + message.node() + "' sent \""
                    + message.text() + "\"");
        }
        return this;
    }

    /** The next message the workflow sends comes from node {@code node} and satisfies {@code check}. */
    public Conversation expectMessage(String node, Predicate<Message> check) {
        drive();
        List<Message> messages = execution.log.messages;
        if (read >= messages.size() || !messages.get(read).node().equals(node)) {
            throw failure("expected a message from node '" + node + "' next");
        }
        if (!check.test(messages.get(read++))) {
            throw failure("the message of node '" + node + "' is not as expected");
        }
        return this;
    }

    /** Nothing more was sent. */
    public Conversation expectNoMoreMessages() {
        drive();
        if (!execution.log.messagesObserved) {
            notes.add("not checked: no more messages; the runtime does not show what was sent");
            return this;
        }
        if (read < execution.log.messages.size()) {
            throw failure("expected no more messages, but node '"
                    + execution.log.messages.get(read).node() + "' sent \""
                    + execution.log.messages.get(read).text() + "\"");
        }
        return this;
    }

    /** The conversation waits at node {@code node}. */
    public Conversation expectWaitingAt(String node) {
        drive();
        if (execution.status() != ExecutionStatus.WAITING
                || !execution.currentNode().orElse("").equals(node)) {
            throw failure("expected it to wait at node '" + node + "', but it is " + describe());
        }
        return this;
    }

    /** The conversation waits for the user, wherever. */
    public Conversation expectWaiting() {
        return expectStatus(ExecutionStatus.WAITING);
    }

    public Conversation expectEnded() {
        return expectStatus(ExecutionStatus.ENDED);
    }

    public Conversation expectHandoff() {
        return expectStatus(ExecutionStatus.HANDOFF);
    }

    /** The execution failed, for a reason that contains {@code reason}. */
    public Conversation expectFailed(String reason) {
        expectStatus(ExecutionStatus.FAILED);
        if (!execution.failure().orElse("").contains(reason)) {
            throw failure("expected it to fail because of \"" + reason + "\", but it failed: "
                    + execution.failure().orElse(""));
        }
        return this;
    }

    /** Variable {@code name} (a path such as {@code order.status} is allowed) holds {@code value}. */
    public Conversation expectVariable(String name, Object value) {
        drive();
        JsonNode actual = execution.variable(name);
        if (!actual.equals(SAME_NUMBERS, Json.valueOf(value))) {
            throw failure("expected vars." + name + " to be " + Json.compact(Json.valueOf(value)) + ", but it is "
                    + (actual.isMissingNode() ? "unset" : Json.compact(actual)));
        }
        return this;
    }

    /** Numbers compare by value: 3 stored as a long equals 3 given as an int. */
    private static final java.util.Comparator<JsonNode> SAME_NUMBERS =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** The workflow emitted project event {@code eventName}. */
    public Conversation expectEvent(String eventName) {
        drive();
        if (execution.log.emittedEvents.stream()
                .noneMatch(e -> e.path("event_name").asText().equals(eventName))) {
            throw failure("expected the workflow to emit '" + eventName + "'");
        }
        return this;
    }

    /** The run itself, for checks of your own. */
    public Execution execution() {
        drive();
        return execution;
    }

    /** Expectations the runtime could not check, and why: a live project does not show everything. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The conversation so far, one line per event. */
    public String transcript() {
        return execution == null ? "(not started)" : Transcript.of(execution.log.events);
    }

    private Conversation expectStatus(ExecutionStatus status) {
        drive();
        if (execution.status() != status) {
            throw failure("expected the execution to be " + status.wire() + ", but it is " + describe());
        }
        return this;
    }

    private String describe() {
        return execution.status().wire()
                + execution.currentNode().map(n -> " at node '" + n + "'").orElse("")
                + execution.failure().map(f -> " (" + f + ")").orElse("");
    }

    /** Runs as far as what was given so far takes the conversation. */
    private void drive() {
        if (execution == null) {
            if (start == null) {
                throw new IllegalStateException(
                        "the conversation has not started: begin with user(...) or" + " startedByApi(...)");
            }
            if (runtime == null) {
                runtime = new Simulator(project, scenario);
            }
            start.accept(runtime);
        }
        while (!pending.isEmpty()) {
            pending.poll().accept(runtime);
        }
    }

    private AssertionError failure(String message) {
        return new AssertionError(
                message + "\n\nThe conversation so far (workflow '" + workflow + "'):\n" + transcript());
    }
}
