package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.compile.DefinitionNormalizer;
import io.kapsocode.json.Json;
import io.kapsocode.simulator.Execution;
import io.kapsocode.simulator.ExecutionStatus;
import io.kapsocode.simulator.Scenario;
import io.kapsocode.simulator.Simulator;
import io.kapsocode.simulator.StepEvent;
import io.kapsocode.simulator.WorkflowSource;
import io.kapsocode.testkit.KapsoEmulator.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kapso's executions API, backed by the conversation runtime: {@code POST /workflows/{id}/executions}
 * runs the workflow's stored definition until it waits or stops, {@code POST .../resume} gives the
 * deepest waiting execution its input, and reads answer with Kapso's shapes (summaries in cursor pages,
 * the detail with {@code execution_context} and events). Each execution keeps the definition it started
 * with, as Kapso's do. A timeout is noticed when the execution is next read, on the real clock.
 */
final class ExecutionRoutes {

    private static final Pattern START = Pattern.compile("^/workflows/([^/]+)/executions$");
    private static final Pattern EXECUTION = Pattern.compile("^/workflow_executions/([^/]+)$");
    private static final Pattern EVENTS = Pattern.compile("^/workflow_executions/([^/]+)/events$");
    private static final Pattern RESUME = Pattern.compile("^/workflow_executions/([^/]+)/resume$");
    private static final Set<String> STATUSES = Set.of("running", "waiting", "ended", "failed", "handoff");
    private static final Map<String, String> STEP_CLASSES = Map.of(
            "agent", "FlowAgentStep",
            "wait_for_response", "FlowWaitStep",
            "decide", "FlowDecideStep",
            "start", "FlowStartStep");

    /** Every execution, children too, oldest first. */
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    /** The runtime of each conversation: it holds the definitions the conversation started with. */
    private final Map<String, Simulator> runtimes = new LinkedHashMap<>();

    private Scenario scenario = new Scenario();
    private Clock clock = Clock.systemUTC();

    synchronized void scenario(Scenario scenario) {
        this.scenario = scenario;
    }

    synchronized void clock(Clock clock) {
        this.clock = clock;
    }

    synchronized Optional<Reply> route(EmulatorState state, String method, String path, String query, JsonNode body) {
        Matcher m;
        if ((m = START.matcher(path)).matches()) {
            String workflowId = m.group(1);
            Optional<ObjectNode> workflow = state.workflow(workflowId);
            if (workflow.isEmpty()) {
                return Optional.of(Reply.error(404, "Workflow not found"));
            }
            return switch (method) {
                case "GET" -> Optional.of(list(state, workflowId, Query.parse(query)));
                case "POST" -> Optional.of(start(state, workflow.get(), body));
                default -> Optional.empty();
            };
        }
        if ((m = RESUME.matcher(path)).matches() && method.equals("POST")) {
            return Optional.of(resume(state, m.group(1), body));
        }
        if ((m = EVENTS.matcher(path)).matches() && method.equals("GET")) {
            String id = m.group(1);
            return Optional.of(
                    found(id).map(e -> events(state, e, Query.parse(query))).orElseGet(ExecutionRoutes::notFound));
        }
        if ((m = EXECUTION.matcher(path)).matches() && method.equals("GET")) {
            return Optional.of(found(m.group(1))
                    .map(e -> Reply.data(200, detail(state, e)))
                    .orElseGet(ExecutionRoutes::notFound));
        }
        return Optional.empty();
    }

    // ---- writes

    private Reply start(EmulatorState state, ObjectNode workflow, JsonNode body) {
        state.countWrite();
        JsonNode request = body.path("workflow_execution");
        if (!request.isObject()) {
            return Reply.error(422, "workflow_execution is required");
        }
        String phone = request.path("phone_number").asText("");
        String recipient = request.path("recipient").asText("");
        if (phone.isBlank() && recipient.isBlank()) {
            return Reply.error(422, "phone_number or recipient is required");
        }
        for (String key : List.of("variables", "context")) {
            if (request.has(key) && !request.get(key).isObject()) {
                return Reply.error(422, key + " must be an object");
            }
        }
        if (!"active".equals(workflow.path("status").asText())) {
            return Reply.error(
                    422, "Workflow is " + workflow.path("status").asText() + "; only active workflows can be executed");
        }
        String workflowId = workflow.path("id").asText();
        boolean apiTrigger = state.triggers(workflowId).stream()
                .anyMatch(t -> "api_call".equals(t.path("trigger_type").asText())
                        && t.path("active").asBoolean());
        if (!apiTrigger) {
            return Reply.error(422, "Workflow has no active api_call trigger");
        }
        Simulator runtime = new Simulator(source(state), scenario, Simulator.DEFAULT_STEP_BUDGET)
                .clock(clock)
                .executionIds(() -> UUID.randomUUID().toString());
        String trackingId = UUID.randomUUID().toString();
        Execution execution = runtime.startApiCall(
                workflowId,
                phone.isBlank() ? recipient : phone,
                map(request.path("variables")),
                map(request.path("context")),
                trackingId);
        remember(execution, runtime);
        ObjectNode accepted = Json.object()
                .put("message", "Workflow execution initiated")
                .put("workflow_id", workflowId)
                .put("id", execution.id())
                .put("tracking_id", trackingId);
        return Reply.data(202, accepted);
    }

    private Reply resume(EmulatorState state, String id, JsonNode body) {
        state.countWrite();
        Optional<Execution> found = found(id);
        if (found.isEmpty()) {
            return notFound();
        }
        JsonNode data = body.path("message").path("data");
        if (!data.isTextual() && !data.isObject() && !data.isArray()) {
            return Reply.error(422, "message.data is required: a string, an object or an array");
        }
        if (body.has("variables") && !body.get("variables").isObject()) {
            return Reply.error(422, "variables must be an object");
        }
        Execution requested = found.get();
        Execution root = root(requested);
        Simulator runtime = runtimes.get(root.id());
        runtime.advanceClock(root, Duration.ZERO);
        if (requested.status() != ExecutionStatus.WAITING) {
            return Reply.error(422, "Execution is " + requested.status().wire() + ", not waiting");
        }
        Execution target =
                runtime.resume(requested, data, body.has("variables") ? (ObjectNode) body.get("variables") : null);
        remember(root, runtime);
        ObjectNode answer = summary(state, target);
        answer.put("requested_execution_id", id);
        answer.set(
                "parent_flow_execution_id",
                Json.valueOf(target.parent().map(Execution::id).orElse(null)));
        return Reply.data(200, answer);
    }

    // ---- reads

    private Reply list(EmulatorState state, String workflowId, Map<String, String> parameters) {
        String status = parameters.get("status");
        if (status != null && !STATUSES.contains(status)) {
            return Reply.error(422, "status must be one of " + STATUSES);
        }
        Predicate<Execution> wanted = e -> e.workflow().equals(workflowId)
                && (status == null || e.ownStatus().wire().equals(status))
                && startedWithin(e, parameters);
        List<Execution> newestFirst = new ArrayList<>();
        tickAll();
        executions.values().stream().filter(wanted).forEach(e -> newestFirst.add(0, e));
        return cursorPage(newestFirst, parameters, e -> summary(state, e));
    }

    private boolean startedWithin(Execution execution, Map<String, String> parameters) {
        try {
            String after = parameters.get("created_after");
            String before = parameters.get("created_before");
            return (after == null || !execution.startedAt().isBefore(Instant.parse(after)))
                    && (before == null || !execution.startedAt().isAfter(Instant.parse(before)));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private Reply events(EmulatorState state, Execution execution, Map<String, String> parameters) {
        tick(execution);
        List<ObjectNode> newestFirst = new ArrayList<>();
        String type = parameters.get("event_type");
        events(state, execution).forEach(e -> {
            if (type == null || type.equals(e.path("event_type").asText())) {
                newestFirst.add(0, e);
            }
        });
        return cursorPage(newestFirst, parameters, e -> e);
    }

    private ObjectNode detail(EmulatorState state, Execution execution) {
        tick(execution);
        ObjectNode detail = summary(state, execution);
        detail.set(
                "error_details",
                execution
                        .ownFailure()
                        .map(f -> (JsonNode) Json.object()
                                .put("error", f)
                                .put("step", execution.ownNode().orElse("")))
                        .orElse(Json.valueOf(null)));
        Execution deepest = execution;
        while (deepest.child().isPresent()) {
            deepest = deepest.child().get();
        }
        detail.set(
                "resumable_execution_id",
                Json.valueOf(deepest.ownStatus() == ExecutionStatus.WAITING ? deepest.id() : null));
        ObjectNode context = detail.putObject("execution_context");
        context.set("vars", execution.vars());
        context.set("system", execution.system());
        context.set("context", execution.context());
        context.putObject("metadata");
        ArrayNode events = detail.putArray("events");
        events(state, execution).forEach(events::add);
        return detail;
    }

    private ObjectNode summary(EmulatorState state, Execution execution) {
        List<StepEvent> own = execution.ownEvents();
        Instant last =
                own.isEmpty() ? execution.startedAt() : own.get(own.size() - 1).at();
        ObjectNode summary = Json.object()
                .put("id", execution.id())
                .put("status", execution.ownStatus().wire())
                .put("started_at", execution.startedAt().toString());
        boolean over =
                execution.ownStatus() == ExecutionStatus.ENDED || execution.ownStatus() == ExecutionStatus.FAILED;
        summary.set("ended_at", Json.valueOf(over ? last.toString() : null));
        summary.put("last_event_at", last.toString());
        summary.set("tracking_id", execution.system().path("tracking_id"));
        if (summary.get("tracking_id").isMissingNode()) {
            summary.putNull("tracking_id");
        }
        summary.putNull("whatsapp_conversation_id");
        ObjectNode workflow = summary.putObject("workflow").put("id", execution.workflow());
        Optional<ObjectNode> stored = state.workflow(execution.workflow());
        workflow.put("name", stored.map(w -> w.path("name").asText()).orElse(execution.workflow()));
        workflow.put("status", stored.map(w -> w.path("status").asText()).orElse("active"));
        summary.set(
                "current_step", step(execution.workflow(), execution.ownNode().orElse("start"), typeOf(execution)));
        return summary;
    }

    /** Kapso's events for the runtime's: lifecycle, steps, actions, decisions, input and timeouts. */
    private List<ObjectNode> events(EmulatorState state, Execution execution) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(event(execution, 0, "execution_started", execution.startedAt(), null, Json.object()));
        int index = 1;
        for (StepEvent e : execution.ownEvents()) {
            ObjectNode payload = Json.object();
            String type;
            switch (e.type()) {
                case "step_entered" -> type = "step_entered";
                case "step_completed" -> type = "step_completed";
                case "user_message" -> {
                    type = "user_input_received";
                    payload.put("data", e.detail());
                }
                case "message_sent" -> {
                    type = "action_performed";
                    payload.put("action", "send_message").put("text", e.detail());
                }
                case "decision" -> {
                    type = "decision_evaluated";
                    payload.put("detail", e.detail());
                }
                case "function_called", "webhook_called", "call", "event_emitted", "handoff" -> {
                    type = "action_performed";
                    payload.put("action", e.type()).put("detail", e.detail());
                }
                case "resumed" -> {
                    if (!"timeout".equals(e.detail())) {
                        continue; // user_input_received says it
                    }
                    type = "wait_timeout";
                }
                case "ended" -> type = "execution_ended";
                case "failed" -> {
                    type = "execution_failed";
                    payload.put("error", e.detail());
                }
                default -> {
                    continue; // waiting, unknown_variable, ignored: the status and the step say it
                }
            }
            ObjectNode event = event(execution, index++, type, e.at(), e.node(), payload);
            if (type.equals("step_completed")) {
                event.put("edge_label", e.detail()).put("direction", e.detail());
            }
            out.add(event);
        }
        return out;
    }

    private ObjectNode event(Execution execution, int index, String type, Instant at, String node, ObjectNode payload) {
        ObjectNode event = Json.object()
                .put("id", uuid(execution.id() + "#" + index))
                .put("event_type", type)
                .put("created_at", at.toString());
        event.putNull("direction");
        event.putNull("edge_label");
        event.set("payload", payload);
        if (node != null && !node.isEmpty()) {
            event.set("step", step(execution.workflow(), node, null));
        }
        return event;
    }

    private static ObjectNode step(String workflowId, String node, String nodeType) {
        ObjectNode step = Json.object().put("id", uuid(workflowId + "/" + node)).put("identifier", node);
        step.put("stepable_type", STEP_CLASSES.getOrDefault(nodeType == null ? "" : nodeType, "FlowActionStep"));
        step.putNull("position");
        return step;
    }

    private static String typeOf(Execution execution) {
        List<StepEvent> own = execution.ownEvents();
        for (int i = own.size() - 1; i >= 0; i--) {
            if (own.get(i).type().equals("step_entered")) {
                return own.get(i).detail();
            }
        }
        return "start";
    }

    // ---- helpers

    /** A conversation whose wait ran past its timeout moves on before it is read. */
    private void tick(Execution execution) {
        Execution root = root(execution);
        Simulator runtime = runtimes.get(root.id());
        if (runtime != null) {
            runtime.advanceClock(root, Duration.ZERO);
            remember(root, runtime);
        }
    }

    private void tickAll() {
        runtimes.keySet().stream().toList().forEach(id -> tick(executions.get(id)));
    }

    /** Records the execution and every child it has started so far. */
    private void remember(Execution execution, Simulator runtime) {
        Execution root = root(execution);
        runtimes.putIfAbsent(root.id(), runtime);
        for (Execution e = root; e != null; e = e.child().orElse(null)) {
            executions.putIfAbsent(e.id(), e);
        }
    }

    private Optional<Execution> found(String id) {
        return Optional.ofNullable(executions.get(id));
    }

    private static Execution root(Execution execution) {
        Execution root = execution;
        while (root.parent().isPresent()) {
            root = root.parent().get();
        }
        return root;
    }

    /** The workflows as the emulator stores them, by id; functions by their slug. */
    private static WorkflowSource source(EmulatorState state) {
        return new WorkflowSource() {
            @Override
            public Optional<JsonNode> definition(String workflowId) {
                return state.workflow(workflowId)
                        .map(w -> DefinitionNormalizer.normalize(state.definition(workflowId)));
            }

            @Override
            public List<String> workflows() {
                return state.workflows().stream()
                        .map(w -> w.path("id").asText())
                        .toList();
            }

            @Override
            public String function(JsonNode config) {
                String id = config.path("function_id").asText("");
                return state.functions().stream()
                        .filter(f -> f.path("id").asText().equals(id))
                        .map(f -> f.path("slug").asText())
                        .findFirst()
                        .orElse(WorkflowSource.super.function(config));
            }
        };
    }

    /** A cursor page, newest first: {@code limit} (1–100, default 20), {@code after}, {@code before}. */
    private static <T> Reply cursorPage(
            List<T> items, Map<String, String> parameters, java.util.function.Function<T, ObjectNode> shown) {
        int limit = Math.max(1, Math.min(100, Query.integer(parameters, "limit", 20)));
        int from = 0;
        if (parameters.containsKey("after")) {
            from = cursor(parameters.get("after")) + 1;
        } else if (parameters.containsKey("before")) {
            from = Math.max(0, cursor(parameters.get("before")) - limit);
        }
        from = Math.max(0, Math.min(from, items.size()));
        int to = Math.min(items.size(), from + limit);
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        items.subList(from, to).forEach(item -> data.add(shown.apply(item)));
        ObjectNode paging = body.putObject("paging");
        ObjectNode cursors = paging.putObject("cursors");
        if (to > from) {
            cursors.put("before", cursor(from)).put("after", cursor(to - 1));
        }
        paging.set("next", Json.valueOf(to < items.size() ? cursor(to - 1) : null));
        paging.set("previous", Json.valueOf(from > 0 ? cursor(from) : null));
        return new Reply(200, body);
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(("position:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int cursor(String text) {
        try {
            String decoded = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            return decoded.startsWith("position:") ? Integer.parseInt(decoded.substring(9)) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode object) {
        return object.isObject() ? MAPPER.convertValue(object, Map.class) : null;
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Reply notFound() {
        return Reply.error(404, "Execution not found");
    }
}
