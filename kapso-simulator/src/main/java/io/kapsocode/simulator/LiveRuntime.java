package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plays conversations on a live Kapso project through its executions API, so that a scenario that
 * passes offline can be replayed after an apply as a smoke test: a start is {@code POST
 * /workflows/{id}/executions}, a user message is {@code POST /workflow_executions/{id}/resume}, and after
 * each the execution is read ({@code GET /workflow_executions/{id}}) until it no longer runs. What Kapso
 * reports (status, current step, variables, events) becomes an {@link Execution}, so the same
 * expectations check it.
 *
 * <p>Only conversations started by the API can be played: a live project cannot be sent a WhatsApp
 * message or an event by this tool, nor can its clock be moved. Message texts are read from the
 * {@code action_performed} events' payloads ({@code text}, {@code message}, {@code body}); when Kapso
 * shows none, text expectations are reported as not checked rather than failed.
 */
public final class LiveRuntime implements ConversationRuntime {

    /** Waits between reads of a running execution: the first, then doubled up to the last. */
    static final Duration FIRST_POLL = Duration.ofMillis(200);

    static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    /** Sleeps between reads; a test passes one that does not. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ExecutionsApi api;
    private final Map<String, String> workflowIds;
    private final String phoneNumber;
    private final Duration settleTimeout;
    private Pause pause = duration -> Thread.sleep(duration.toMillis());
    /** What the conversation last showed, by root execution: how a resume is seen to have been taken. */
    private final Map<String, String> lastSeen = new java.util.HashMap<>();

    /**
     * @param workflowIds the remote id of each workflow, by slug
     * @param phoneNumber the participant of conversations whose start names none ({@code null}: each must)
     * @param settleTimeout how long an execution may run before it is given up on
     */
    public LiveRuntime(ExecutionsApi api, Map<String, String> workflowIds, String phoneNumber, Duration settleTimeout) {
        this.api = api;
        this.workflowIds = Map.copyOf(workflowIds);
        this.phoneNumber = phoneNumber;
        this.settleTimeout = settleTimeout;
    }

    public LiveRuntime pause(Pause pause) {
        this.pause = pause;
        return this;
    }

    @Override
    public Execution startApiCall(String workflow, String phone, Map<String, ?> variables, Map<String, ?> context) {
        String id = workflowIds.get(workflow);
        if (id == null) {
            throw new IllegalStateException(
                    "workflow '" + workflow + "' is not in the Kapso project; apply it before replaying its scenarios");
        }
        String participant = phone != null ? phone : phoneNumber;
        if (participant == null || participant.isBlank()) {
            throw new IllegalStateException("a live execution needs the participant's phone number: give it in the"
                    + " scenario (start: {api: {phone_number: '+...'}}) or with kapso.test.phoneNumber");
        }
        ObjectNode request = Json.object().put("phone_number", participant);
        request.set("variables", variables == null ? Json.object() : Json.valueOf(variables));
        if (context != null && !context.isEmpty()) {
            request.set("context", Json.valueOf(context));
        }
        JsonNode started = api.start(id, workflow, request);
        String executionId = started.path("id").asText("");
        if (executionId.isEmpty()) {
            throw new IllegalStateException("Kapso started an execution of '" + workflow + "' but gave no id");
        }
        Execution root = new Execution(
                executionId,
                workflow,
                Json.object(),
                Json.object(),
                Json.object(),
                new Execution.Log(Instant::now),
                null,
                null);
        root.startedAt = Instant.now();
        settle(root, null);
        return root;
    }

    @Override
    public void userMessage(Execution root, String text) {
        api.resume(root.id, Json.text(text));
        settle(root, lastSeen.get(root.id));
    }

    @Override
    public Execution startInbound(String workflow, String text, String phone) {
        throw notLive("a conversation started by a WhatsApp message");
    }

    @Override
    public Execution startWhatsappEvent(String workflow, String event, Map<String, ?> payload) {
        throw notLive("a conversation started by a WhatsApp event");
    }

    @Override
    public Execution startProjectEvent(String workflow, String eventName, Map<String, ?> properties) {
        throw notLive("a conversation started by a project event");
    }

    @Override
    public void advanceClock(Execution root, Duration duration) {
        throw notLive("moving the clock");
    }

    private static UnsupportedOperationException notLive(String what) {
        return new UnsupportedOperationException(what + " cannot be played on a live project; only scenarios"
                + " started by the API (start: {api: ...}) without 'after' steps can");
    }

    // ---- reading what Kapso did

    /**
     * Reads the execution until no execution of its chain runs (and, after a resume, until the chain
     * shows something else than {@code before}: Kapso may take the input in the background), then takes
     * over what Kapso reports.
     */
    private void settle(Execution root, String before) {
        Instant deadline = Instant.now().plus(settleTimeout);
        Duration wait = FIRST_POLL;
        while (true) {
            Optional<JsonNode> detail = api.execution(root.id);
            if (detail.isPresent()
                    && !"running".equals(detail.get().path("status").asText())) {
                Optional<JsonNode> deepest = deepest(detail.get());
                if (deepest.isPresent() && !fingerprint(deepest.get()).equals(before)) {
                    refresh(root, detail.get(), deepest.get());
                    lastSeen.put(root.id, fingerprint(deepest.get()));
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                detail.ifPresent(d -> refresh(root, d, null));
                throw new IllegalStateException("execution " + root.id + " of workflow '" + root.workflow + "' "
                        + (detail.isEmpty() ? "was not found" : "still runs") + " after " + settleTimeout.toSeconds()
                        + " s; raise kapso.test.timeout if the workflow is slow");
            }
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while execution " + root.id + " ran");
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : wait.multipliedBy(2);
        }
    }

    /** The execution a call chain waits in, settled too; the root itself when it waits at no call. */
    private Optional<JsonNode> deepest(JsonNode root) {
        String resumable = root.path("resumable_execution_id").asText("");
        if (resumable.isEmpty() || resumable.equals(root.path("id").asText())) {
            return Optional.of(root);
        }
        return api.execution(resumable)
                .filter(child -> !"running".equals(child.path("status").asText()));
    }

    private void refresh(Execution root, JsonNode detail, JsonNode deepest) {
        take(root, detail);
        Execution.Log log = root.log;
        log.events.clear();
        log.messages.clear();
        log.emittedEvents.clear();
        log.visited.clear();
        log.branches.clear();
        List<Timed> events = new ArrayList<>();
        collect(root, detail, events);
        root.child = null;
        if (deepest != null && deepest != detail) {
            Execution child = new Execution(
                    deepest.path("id").asText(),
                    slugOf(deepest.path("workflow").path("id").asText(), root.workflow),
                    Json.object(),
                    Json.object(),
                    Json.object(),
                    log,
                    root,
                    root.current);
            take(child, deepest);
            root.child = child;
            collect(child, deepest, events);
        }
        events.sort(Comparator.comparing(Timed::at));
        events.forEach(t -> record(t.execution(), t.event(), log));
        log.messagesObserved = !log.messages.isEmpty();
    }

    /** Status, step, failure and variables as Kapso reports them. */
    private static void take(Execution execution, JsonNode detail) {
        String status = detail.path("status").asText("running");
        try {
            execution.status = ExecutionStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            execution.status = ExecutionStatus.RUNNING;
        }
        String step = detail.path("current_step").path("identifier").asText("");
        execution.current = step.isEmpty() ? null : step;
        JsonNode error = detail.path("error_details");
        execution.failure = execution.status != ExecutionStatus.FAILED
                ? null
                : error.path("error").isTextual()
                        ? error.get("error").textValue()
                        : error.path("message").isTextual()
                                ? error.get("message").textValue()
                                : Json.compact(error);
        JsonNode context = detail.path("execution_context");
        replace(execution.vars, context.path("vars"));
        replace(execution.context, context.path("context"));
        replace(execution.system, context.path("system"));
        execution.startedAt = instant(detail.path("started_at").asText(""));
    }

    private static void replace(ObjectNode target, JsonNode with) {
        target.removeAll();
        if (with.isObject()) {
            target.setAll((ObjectNode) with.deepCopy());
        }
    }

    private record Timed(Instant at, Execution execution, JsonNode event) {}

    private static void collect(Execution execution, JsonNode detail, List<Timed> into) {
        detail.path("events")
                .forEach(e -> into.add(new Timed(instant(e.path("created_at").asText("")), execution, e)));
    }

    /** One of Kapso's events as the transcript and the expectations read it. */
    private static void record(Execution execution, JsonNode event, Execution.Log log) {
        String node = event.path("step").path("identifier").asText("");
        JsonNode payload = event.path("payload");
        String label = event.path("edge_label").asText(event.path("direction").asText(""));
        String type;
        String detail;
        switch (event.path("event_type").asText()) {
            case "step_entered" -> {
                type = "step_entered";
                detail = event.path("step").path("stepable_type").asText("");
                log.visited.add(execution.workflow + "/" + node);
            }
            case "step_completed" -> {
                type = "step_completed";
                detail = label;
            }
            case "user_input_received" -> {
                type = "user_message";
                JsonNode data = payload.path("data");
                detail = data.isTextual() ? data.textValue() : Json.compact(payload);
            }
            case "decision_evaluated" -> {
                type = "decision";
                detail = label.isEmpty() ? payload.path("detail").asText(Json.compact(payload)) : label;
                if (!label.isEmpty()) {
                    log.branches.add(execution.workflow + "/" + node + "/" + label);
                }
            }
            case "action_performed", "agent_message_sent" -> {
                Optional<String> text = messageText(payload);
                String action = payload.path("action").asText("");
                if (text.isPresent()) {
                    type = "message_sent";
                    detail = text.get();
                    log.messages.add(new Message(execution.workflow, node, "text", detail, payload.deepCopy()));
                } else if (action.equals("event_emitted")) {
                    type = "event_emitted";
                    detail = payload.path("detail").asText("");
                    log.emittedEvents.add(Json.object().put("event_name", detail));
                } else {
                    type = action.isEmpty() ? "action_performed" : action;
                    detail = payload.path("detail").asText(Json.compact(payload));
                }
            }
            case "wait_timeout" -> {
                type = "resumed";
                detail = "timeout";
            }
            case "execution_ended" -> {
                type = "ended";
                detail = "";
            }
            case "execution_failed", "step_failed", "action_failed" -> {
                type = "failed";
                detail = payload.path("error").asText(Json.compact(payload));
            }
            default -> {
                type = event.path("event_type").asText();
                detail = Json.compact(payload);
            }
        }
        log.events.add(new StepEvent(
                type,
                execution.workflow,
                node,
                detail,
                execution.id,
                instant(event.path("created_at").asText(""))));
    }

    /** The text a message event shows, wherever Kapso puts it. */
    static Optional<String> messageText(JsonNode payload) {
        for (String key : List.of("text", "message", "body", "content")) {
            JsonNode value = payload.path(key);
            if (value.isTextual()) {
                return Optional.of(value.textValue());
            }
            if (value.path("text").isTextual()) {
                return Optional.of(value.get("text").textValue());
            }
            if (value.path("body").isTextual()) {
                return Optional.of(value.get("body").textValue());
            }
        }
        return Optional.empty();
    }

    private String slugOf(String workflowId, String fallback) {
        return workflowIds.entrySet().stream()
                .filter(e -> e.getValue().equals(workflowId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(fallback);
    }

    /** Which execution waits, and how far it got. */
    private static String fingerprint(JsonNode execution) {
        return execution.path("id").asText() + "@"
                + execution.path("last_event_at").asText() + "#"
                + execution.path("events").size() + "/"
                + execution.path("status").asText();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
