package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.KapsoValues;
import io.kapsocode.model.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the workflows of a project offline with Kapso's documented semantics (contract §B runtime notes,
 * §D triggers): messages are recorded with their templates rendered, {@code wait_for_response} pauses
 * until the next message or a timeout on a simulated clock, decisions follow the function's
 * {@code next_edge} or the label the scenario says the model picks (an unknown label falls back to the
 * first condition), functions merge their {@code vars}, calls run child executions, handoffs stop.
 * Nothing sleeps; a run that passes {@link #stepBudget} steps without waiting fails as a loop.
 */
public final class Simulator implements ConversationRuntime {

    /** Steps an execution may take without waiting before it is failed as a loop. */
    public static final int DEFAULT_STEP_BUDGET = 10_000;

    /** How deep calls may nest before Kapso refuses them. */
    static final int MAX_CALL_DEPTH = 10;

    static final int MAX_EMITTED_EVENTS = 10;

    /** When a simulated conversation starts, unless a clock is given. */
    static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

    private final WorkflowSource workflows;
    private final Scenario scenario;
    private final Map<String, Graph> graphs = new HashMap<>();
    private final int stepBudget;
    private Clock clock = Clock.fixed(EPOCH, ZoneOffset.UTC);
    private Duration advanced = Duration.ZERO;
    /** The time while the clock stands still (the simulated one): every event reads it, so it is kept. */
    private Instant stillNow = EPOCH;

    private Supplier<String> executionIds;
    private int executions;
    private HttpClient http;

    public Simulator(Project project, Scenario scenario) {
        this(project, scenario, DEFAULT_STEP_BUDGET);
    }

    public Simulator(Project project, Scenario scenario, int stepBudget) {
        this(WorkflowSource.of(project), scenario, stepBudget);
    }

    public Simulator(WorkflowSource workflows, Scenario scenario, int stepBudget) {
        this.workflows = workflows;
        this.scenario = scenario;
        this.stepBudget = stepBudget;
        this.executionIds = () -> "exec-" + (++executions);
    }

    /** Runs on this clock instead of a fixed start time; {@link #advanceClock} still moves it on. */
    public Simulator clock(Clock clock) {
        this.clock = clock;
        this.stillNow = null;
        return this;
    }

    /** Names executions with these ids instead of {@code exec-1}, {@code exec-2}... */
    public Simulator executionIds(Supplier<String> ids) {
        this.executionIds = ids;
        return this;
    }

    /** The simulated time. */
    public Instant now() {
        return stillNow != null ? stillNow : clock.instant().plus(advanced);
    }

    // ---- starting, by trigger

    /** An inbound WhatsApp message starts the workflow; its text is {@code last_user_input}. */
    @Override
    public Execution startInbound(String slug, String text, String phoneNumber) {
        ObjectNode context = Json.object().put("channel", "whatsapp").put("phone_number", phoneNumber);
        Execution execution = create(slug, Json.object(), context, "inbound_message", null, null);
        context.put("conversation_id", "conv-" + execution.id);
        execution.log.event("user_message", execution, null, text);
        execution.vars.put("last_user_input", text);
        return run(execution);
    }

    /** {@code POST /workflows/{id}/executions} with {@code variables} and {@code context}. */
    public Execution startApiCall(String slug, Map<String, ?> variables, Map<String, ?> context) {
        return startApiCall(slug, null, variables, context, null);
    }

    @Override
    public Execution startApiCall(String slug, String phoneNumber, Map<String, ?> variables, Map<String, ?> context) {
        return startApiCall(slug, phoneNumber, variables, context, null);
    }

    /**
     * {@code POST /workflows/{id}/executions} for a participant ({@code context.phone_number}), with the
     * {@code tracking_id} Kapso gives it ({@code system.tracking_id}); either may be {@code null}.
     */
    public Execution startApiCall(
            String slug, String phoneNumber, Map<String, ?> variables, Map<String, ?> context, String trackingId) {
        ObjectNode ctx = Json.object().put("channel", "api");
        if (phoneNumber != null) {
            ctx.put("phone_number", phoneNumber);
        }
        if (context != null) {
            ctx.setAll((ObjectNode) Json.valueOf(context));
        }
        ObjectNode vars = variables == null ? Json.object() : (ObjectNode) Json.valueOf(variables);
        Execution execution = create(slug, vars, ctx, "api_call", null, null);
        if (trackingId != null) {
            execution.system.put("tracking_id", trackingId);
        }
        return run(execution);
    }

    /** A WhatsApp event ({@code whatsapp.conversation.ended}...) starts an observer execution. */
    @Override
    public Execution startWhatsappEvent(String slug, String event, Map<String, ?> payload) {
        ObjectNode context = Json.object().put("channel", "whatsapp").put("event", event);
        if (payload != null) {
            context.set("payload", Json.valueOf(payload));
        }
        return run(create(slug, Json.object(), context, "whatsapp_event", null, null));
    }

    /** A project event with its properties starts an observer execution. */
    @Override
    public Execution startProjectEvent(String slug, String eventName, Map<String, ?> properties) {
        ObjectNode context = Json.object().put("channel", "event").put("event_name", eventName);
        context.set("properties", properties == null ? Json.object() : Json.valueOf(properties));
        return run(create(slug, Json.object(), context, "project_event", null, null));
    }

    // ---- resuming

    /** The next message of the user: resumes the deepest waiting execution. */
    @Override
    public void userMessage(Execution root, String text) {
        Execution target = root.deepest();
        if (target.status != ExecutionStatus.WAITING) {
            target.log.event("user_message", target, null, text);
            target.log.event(
                    "ignored",
                    target,
                    target.current,
                    "the execution is " + target.status.wire() + ", so the message starts nothing");
            return;
        }
        input(target, Json.text(text), null);
    }

    /**
     * {@code POST /workflow_executions/{id}/resume}: the input ({@code message.data}: text, or JSON for a
     * button or a form) and variables to merge go to the deepest waiting execution.
     *
     * @return the execution that received the input
     * @throws IllegalStateException when no execution of the chain waits
     */
    public Execution resume(Execution root, JsonNode data, ObjectNode variables) {
        Execution target = root.deepest();
        if (target.status != ExecutionStatus.WAITING) {
            throw new IllegalStateException("the execution is " + target.status.wire() + ", not waiting");
        }
        input(target, data, variables);
        return target;
    }

    private void input(Execution target, JsonNode data, ObjectNode variables) {
        target.log.event("user_message", target, null, data.isTextual() ? data.textValue() : Json.compact(data));
        if (variables != null) {
            target.vars.setAll(variables);
        }
        target.vars.set("last_user_input", data);
        resume(target, "user_input", data);
    }

    /** Moves the clock; a wait whose timeout passes resumes with {@code system.last_resume.reason = timeout}. */
    @Override
    public void advanceClock(Execution root, Duration duration) {
        advanced = advanced.plus(duration);
        if (stillNow != null) {
            stillNow = stillNow.plus(duration);
        }
        Execution target = root.deepest();
        if (target.status == ExecutionStatus.WAITING
                && target.timeoutSeconds != null
                && !now().isBefore(target.waitingSince.plusSeconds(target.timeoutSeconds))) {
            resume(target, "timeout", null);
        }
    }

    private void resume(Execution execution, String reason, JsonNode input) {
        String node = execution.current;
        JsonNode config = graph(execution.workflow).config(node);
        execution.system.putObject("last_resume").put("reason", reason).put("at", now().toString());
        execution.log.event("resumed", execution, node, reason);
        execution.status = ExecutionStatus.RUNNING;
        execution.timeoutSeconds = null;
        if ("agent".equals(execution.waitingFor)) {
            execution.waitingFor = null;
            if (agentTurns(execution, node, config)) {
                next(execution, node);
            }
        } else {
            execution.waitingFor = null;
            String saveTo = config.path("save_response_to").asText("");
            if (input != null && !saveTo.isEmpty()) {
                execution.vars.set(saveTo, input);
            }
            next(execution, node);
        }
        run(execution);
    }

    // ---- running

    private Execution create(
            String slug, ObjectNode vars, ObjectNode context, String trigger, Execution parent, String callNode) {
        graph(slug); // fails for an unknown workflow before anything runs
        String id = executionIds.get();
        ObjectNode system = Json.object()
                .put("execution_id", id)
                .put("workflow_slug", slug)
                .put("trigger_type", trigger)
                .put("started_at", now().toString());
        Execution execution = new Execution(
                id,
                slug,
                vars,
                context,
                system,
                parent == null ? new Execution.Log(this::now) : parent.log,
                parent,
                callNode);
        execution.startedAt = now();
        execution.current = "start";
        return execution;
    }

    /**
     * Runs until the conversation waits or stops: a {@code call} hands over to its child, and a child that
     * stops hands back to its parent. Returns the root execution.
     */
    private Execution run(Execution execution) {
        Execution current = execution;
        while (true) {
            steps(current);
            if (current.status == ExecutionStatus.WAITING
                    && current.child != null
                    && current.child.status == ExecutionStatus.RUNNING) {
                current = current.child;
                continue;
            }
            Execution parent = current.parent;
            if (parent == null || current.status == ExecutionStatus.WAITING) {
                return root(current);
            }
            parent.child = null;
            switch (current.status) {
                case ENDED -> {
                    parent.vars.setAll(current.vars);
                    parent.status = ExecutionStatus.RUNNING;
                    next(parent, current.callNode);
                }
                case FAILED -> {
                    String saveErrorTo = graph(parent.workflow)
                            .config(current.callNode)
                            .path("save_error_to")
                            .asText("");
                    ObjectNode error =
                            Json.object().put("error", current.failure).put("workflow_name", current.workflow);
                    error.putArray("call_stack").add(parent.workflow).add(current.workflow);
                    parent.vars.set(saveErrorTo.isEmpty() ? "subworkflow_error" : saveErrorTo, error);
                    parent.status = ExecutionStatus.RUNNING;
                    next(parent, current.callNode);
                }
                default -> parent.status = current.status; // a handoff hands the whole conversation over
            }
            current = parent;
        }
    }

    private static Execution root(Execution execution) {
        Execution root = execution;
        while (root.parent != null) {
            root = root.parent;
        }
        return root;
    }

    private void steps(Execution execution) {
        int steps = 0;
        Graph graph = graph(execution.workflow);
        while (execution.status == ExecutionStatus.RUNNING) {
            if (++steps > stepBudget) {
                fail(
                        execution,
                        "more than " + stepBudget + " steps without waiting for the user, last at node '"
                                + execution.current + "': the graph loops; put a wait_for_response in the loop");
                return;
            }
            String id = execution.current;
            JsonNode node = graph.nodes.get(id);
            if (node == null) {
                fail(execution, "the workflow has no node '" + id + "'");
                return;
            }
            execution.log.event("step_entered", execution, id, graph.type(id));
            execution.log.visited.add(execution.workflow + "/" + id);
            try {
                step(execution, id, graph.type(id), graph.config(id));
            } catch (StepFailure e) {
                fail(execution, "node '" + id + "': " + e.getMessage());
            }
        }
    }

    private void step(Execution execution, String id, String type, JsonNode config) {
        switch (type) {
            case "start" -> next(execution, id);
            case "send_text" -> send(execution, id, "text", config.path("message"), config);
            case "send_template" -> send(execution, id, "template", config.path("template_id"), config);
            case "send_interactive" -> send(execution, id, "interactive", config.path("body_text"), config);
            case "wait_for_response" -> {
                execution.status = ExecutionStatus.WAITING;
                execution.waitingFor = "user_input";
                execution.waitingSince = now();
                boolean timed = config.path("has_timeout")
                        .asBoolean(config.path("timeout_seconds").isNumber());
                execution.timeoutSeconds = timed
                                && config.path("timeout_seconds").canConvertToInt()
                        ? config.get("timeout_seconds").asInt()
                        : null;
                execution.log.event(
                        "waiting",
                        execution,
                        id,
                        execution.timeoutSeconds == null
                                ? "for the user"
                                : "for the user, " + execution.timeoutSeconds + " s at most");
            }
            case "decide" -> decide(execution, id, config);
            case "function" -> {
                FunctionAnswer answer = callFunction(execution, id, functionOf(config), List.of());
                String saveTo = config.path("save_response_to").asText("");
                if (!saveTo.isEmpty()) {
                    execution.vars.set(saveTo, answer.body());
                }
                next(execution, id); // a function node ignores next_edge
            }
            case "webhook" -> webhook(execution, id, config);
            case "set_variable" -> {
                JsonNode value = config.path("variable_value");
                JsonNode rendered = value.isTextual() ? Json.text(render(execution, id, value.textValue())) : value;
                String valueType = config.path("value_type").asText("string");
                if ("json".equals(valueType) && rendered.isTextual()) {
                    rendered = Json.tryParse(rendered.textValue()).orElse(rendered);
                }
                execution.vars.set(config.path("variable_name").asText(), KapsoValues.typed(rendered, valueType));
                next(execution, id);
            }
            case "call" -> call(execution, id, config);
            case "emit_event" -> emit(execution, id, config);
            case "handoff" -> {
                execution.status = ExecutionStatus.HANDOFF;
                execution.log.event(
                        "handoff", execution, id, config.path("reason").asText(""));
            }
            case "agent" -> {
                if (agentTurns(execution, id, config)) {
                    next(execution, id);
                }
            }
            default -> throw new StepFailure("Kapso has no node type '" + type + "'");
        }
    }

    private void send(Execution execution, String id, String kind, JsonNode text, JsonNode config) {
        String shown = text.isTextual()
                ? render(execution, id, text.textValue())
                : text.isObject() && text.has("$ai") ? "(written by the AI model)" : text.asText("");
        ObjectNode payload = (ObjectNode) Templates.renderAll(
                config, scenario.env, execution.scope(), name -> unknownVariable(execution, id, name));
        execution.log.messages.add(new Message(execution.workflow, id, kind, shown, payload));
        execution.log.event("message_sent", execution, id, shown);
        next(execution, id);
    }

    private void decide(Execution execution, String id, JsonNode config) {
        List<String> labels = new ArrayList<>();
        config.path("conditions").forEach(c -> labels.add(c.path("label").asText()));
        if (labels.isEmpty()) {
            throw new StepFailure("the decide node has no conditions");
        }
        String picked;
        String how;
        if ("function".equals(config.path("decision_type").asText())) {
            FunctionAnswer answer = callFunction(execution, id, functionOf(config), labels);
            picked = answer.body().path("next_edge").asText("");
            how = "function " + functionOf(config);
        } else {
            Deque<String> picks = scenario.aiPicks.get(id);
            if (picks != null && !picks.isEmpty()) {
                picked = picks.size() > 1 ? picks.poll() : picks.peek();
                how = "the model (as the scenario says)";
            } else {
                picked = defaultPick(execution, config, labels);
                how = "the model (by the default rule: the label the last message names, else the first)";
            }
        }
        if (!labels.contains(picked)) {
            execution.log.event(
                    "decision",
                    execution,
                    id,
                    "'" + picked + "' is no condition; Kapso falls back to the first, '" + labels.get(0) + "'");
            picked = labels.get(0);
        }
        execution.log.event("decision", execution, id, picked + " (by " + how + ")");
        execution.log.branches.add(execution.workflow + "/" + id + "/" + picked);
        follow(execution, id, picked);
    }

    /** Without a scenario's word: the first condition whose label or description the last message names. */
    private static String defaultPick(Execution execution, JsonNode config, List<String> labels) {
        String said = execution.vars.path("last_user_input").asText("").toLowerCase(Locale.ROOT);
        for (JsonNode condition : config.path("conditions")) {
            String label = condition.path("label").asText().toLowerCase(Locale.ROOT);
            if (!said.isEmpty() && said.contains(label)) {
                return condition.path("label").asText();
            }
        }
        return labels.get(0);
    }

    private FunctionAnswer callFunction(Execution execution, String node, String function, List<String> edges) {
        ObjectNode request = Json.object();
        ObjectNode executionContext = request.putObject("execution_context");
        executionContext.set("vars", execution.vars.deepCopy());
        executionContext.set("system", execution.system.deepCopy());
        executionContext.set("context", execution.context.deepCopy());
        executionContext.putObject("metadata");
        ArrayNode available = request.putArray("available_edges");
        edges.forEach(available::add);
        ArrayNode flowEvents = request.putArray("flow_events");
        List<StepEvent> events = execution.log.events;
        events.subList(Math.max(0, events.size() - 10), events.size())
                .forEach(e -> flowEvents.addObject().put("type", e.type()).put("step_id", e.node()));
        request.putObject("flow_info")
                .put("id", execution.workflow)
                .put("name", execution.workflow)
                .put("step_id", node);
        request.putObject("whatsapp_context");
        FunctionAnswer answer = scenario.answer(function, request);
        if (answer == null) {
            throw new StepFailure("function '" + function + "' has no answer: stub it in the scenario"
                    + " (.function(\"" + function + "\").returns(...)) or run its code");
        }
        if (answer.failure() != null) {
            throw new StepFailure("function '" + function + "' failed: " + answer.failure());
        }
        JsonNode vars = answer.body().path("vars");
        if (vars.isObject()) {
            execution.vars.setAll((ObjectNode) vars);
        }
        execution.log.event("function_called", execution, node, function + " answered " + Json.compact(answer.body()));
        return answer;
    }

    private String functionOf(JsonNode config) {
        return workflows.function(config);
    }

    private void webhook(Execution execution, String id, JsonNode config) {
        String url = render(execution, id, config.path("url").asText(""));
        String method = config.path("method").asText("POST").toUpperCase(Locale.ROOT);
        Deque<JsonNode> stubbed = scenario.webhooks.get(id);
        if (stubbed != null && !stubbed.isEmpty()) {
            JsonNode answer = stubbed.size() > 1 ? stubbed.poll() : stubbed.peek();
            String saveTo = config.path("save_response_to").asText("");
            if (!saveTo.isEmpty()) {
                execution.vars.set(saveTo, answer.deepCopy());
            }
            execution.log.event("webhook_called", execution, id, method + " " + url + " (stubbed)");
            next(execution, id);
            return;
        }
        JsonNode body = Templates.renderAll(
                config.path("body_template"),
                scenario.env,
                execution.scope(),
                name -> unknownVariable(execution, id, name));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        } catch (IllegalArgumentException e) {
            throw new StepFailure("the URL '" + url + "' is not valid: " + e.getMessage());
        }
        config.path("headers")
                .fields()
                .forEachRemaining(h -> request.header(
                        h.getKey(), render(execution, id, h.getValue().asText())));
        boolean withBody = !method.equals("GET") && !method.equals("DELETE") && !body.isMissingNode();
        request.method(
                method,
                withBody
                        ? HttpRequest.BodyPublishers.ofString(Json.compact(body))
                        : HttpRequest.BodyPublishers.noBody());
        if (withBody && config.path("headers").path("Content-Type").isMissingNode()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new StepFailure(method + " " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(method + " " + url + " was interrupted");
        }
        JsonNode answer = Json.tryParse(response.body()).orElse(Json.text(response.body()));
        String saveTo = config.path("save_response_to").asText("");
        if (!saveTo.isEmpty()) {
            execution.vars.set(saveTo, answer);
        }
        execution.log.event("webhook_called", execution, id, method + " " + url + " -> " + response.statusCode());
        next(execution, id);
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    private void call(Execution execution, String id, JsonNode config) {
        String callee =
                config.path("workflow_slug").asText(config.path("workflow_id").asText(""));
        int depth = 0;
        for (Execution e = execution; e != null; e = e.parent) {
            depth++;
            if (e.workflow.equals(callee)) {
                throw new StepFailure("calling '" + callee + "' again from inside itself: Kapso refuses call cycles");
            }
        }
        if (depth >= MAX_CALL_DEPTH) {
            throw new StepFailure("calls nest deeper than " + MAX_CALL_DEPTH);
        }
        if (workflows.definition(callee).isEmpty()) {
            throw new StepFailure("it calls workflow '" + callee + "', which the project does not define");
        }
        execution.log.event("call", execution, id, callee);
        Execution child =
                create(callee, execution.vars.deepCopy(), execution.context.deepCopy(), "call", execution, id);
        child.system.setAll(execution.system.deepCopy());
        child.system.put("execution_id", child.id).put("workflow_slug", callee);
        execution.child = child;
        execution.status = ExecutionStatus.WAITING;
        execution.waitingFor = "call";
    }

    private void emit(Execution execution, String id, JsonNode config) {
        String name = config.path("event_name").asText();
        if ("project_event".equals(execution.system.path("trigger_type").asText())) {
            throw new StepFailure("a workflow started by a project event cannot emit events");
        }
        long sameName = execution.log.emittedEvents.stream()
                .filter(e -> e.path("event_name").asText().equals(name))
                .count();
        if (execution.emitted >= MAX_EMITTED_EVENTS || sameName >= 3) {
            throw new StepFailure("Kapso emits at most " + MAX_EMITTED_EVENTS + " events per execution and 3 with"
                    + " one name; '" + name + "' is one too many");
        }
        execution.emitted++;
        ObjectNode event = Json.object().put("event_name", name);
        event.set(
                "properties",
                Templates.renderAll(
                        config.path("properties").isMissingNode() ? Json.object() : config.get("properties"),
                        scenario.env,
                        execution.scope(),
                        v -> unknownVariable(execution, id, v)));
        event.put(
                "occurred_at",
                config.path("occurred_at").isTextual()
                        ? render(execution, id, config.get("occurred_at").textValue())
                        : now().toString());
        execution.log.emittedEvents.add(event);
        execution.log.event("event_emitted", execution, id, name);
        next(execution, id);
    }

    /**
     * Plays the scripted turns of an agent node until it waits, completes or hands off.
     *
     * @return whether the agent completed its task, so the workflow goes on
     */
    private boolean agentTurns(Execution execution, String id, JsonNode config) {
        Deque<AgentTurn> turns = scenario.agents.get(id);
        if (turns == null || turns.isEmpty()) {
            throw new StepFailure("agent node has no script: say what it does" + " (.agent(\"" + id
                    + "\").replies(\"...\").completes())");
        }
        while (!turns.isEmpty()) {
            AgentTurn turn = turns.poll();
            switch (turn.kind()) {
                case "reply" -> {
                    String text = render(execution, id, turn.text());
                    execution.log.messages.add(new Message(execution.workflow, id, "text", text, Json.object()));
                    execution.log.event("message_sent", execution, id, text);
                }
                case "tool" -> {
                    JsonNode tool = null;
                    for (JsonNode candidate : config.path("flow_agent_function_tools")) {
                        if (turn.text().equals(candidate.path("name").asText())) {
                            tool = candidate;
                        }
                    }
                    if (tool == null) {
                        throw new StepFailure("the agent calls tool '" + turn.text() + "', which it does not have");
                    }
                    callFunction(execution, id, functionOf(tool), List.of());
                }
                case "wait" -> {
                    execution.status = ExecutionStatus.WAITING;
                    execution.waitingFor = "agent";
                    execution.waitingSince = now();
                    execution.log.event("waiting", execution, id, "the agent waits for the user");
                    return false;
                }
                case "handoff" -> {
                    execution.status = ExecutionStatus.HANDOFF;
                    execution.log.event("handoff", execution, id, turn.text() == null ? "" : turn.text());
                    return false;
                }
                case "complete" -> {
                    execution.log.event("step_completed", execution, id, "complete_task");
                    return true;
                }
                default -> throw new StepFailure("unknown agent turn '" + turn.kind() + "'");
            }
        }
        throw new StepFailure("the agent's script ran out before it completed, waited or handed off");
    }

    // ---- moving on

    private void next(Execution execution, String id) {
        follow(execution, id, "next");
    }

    private void follow(Execution execution, String id, String label) {
        execution.log.event("step_completed", execution, id, label);
        Optional<String> target = graph(execution.workflow).target(id, label);
        if (target.isEmpty()) {
            execution.status = ExecutionStatus.ENDED;
            execution.current = id;
            execution.log.event("ended", execution, id, "no '" + label + "' edge: the execution ends");
            return;
        }
        execution.current = target.get();
    }

    private void fail(Execution execution, String why) {
        execution.status = ExecutionStatus.FAILED;
        execution.failure = why;
        execution.log.event("failed", execution, execution.current, why);
    }

    private String render(Execution execution, String node, String text) {
        return Templates.render(text, scenario.env, execution.scope(), name -> unknownVariable(execution, node, name));
    }

    private void unknownVariable(Execution execution, String node, String name) {
        execution.log.event("unknown_variable", execution, node, name + " is not set; it renders as nothing");
    }

    private Graph graph(String slug) {
        return graphs.computeIfAbsent(
                slug,
                s -> new Graph(workflows
                        .definition(s)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "the project has no workflow '" + s + "'; it has " + workflows.workflows()))));
    }

    /** A workflow as the runtime walks it: nodes by id, edges by source and label. */
    private static final class Graph {
        final Map<String, JsonNode> nodes = new HashMap<>();
        final Map<String, String> edges = new HashMap<>();

        Graph(JsonNode definition) {
            definition.path("nodes").forEach(n -> nodes.put(n.path("id").asText(), n));
            definition
                    .path("edges")
                    .forEach(e -> edges.putIfAbsent(
                            e.path("source").asText() + "\n" + e.path("label").asText("next"),
                            e.path("target").asText()));
        }

        String type(String id) {
            return nodes.get(id).path("data").path("node_type").asText();
        }

        JsonNode config(String id) {
            JsonNode node = nodes.get(id);
            return node == null ? Json.object() : node.path("data").path("config");
        }

        Optional<String> target(String source, String label) {
            return Optional.ofNullable(edges.get(source + "\n" + label));
        }
    }

    /** A step that cannot complete: the execution fails with this reason. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailure(String message) {
            super(message, null, false, false);
        }
    }
}
