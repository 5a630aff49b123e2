package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.testkit.KapsoEmulator.Reply;
import io.kapsocode.validate.Slugs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kapso's legacy flows API ({@code /api/v1}) over the same project as the Platform routes: a flow is a
 * workflow seen without its slug and lock version (one table, as the evidence in
 * {@code legacy-flows-api.md} suggests). Shapes follow the legacy OpenAPI description: flows without a
 * definition, {@code /definition} with camelCase {@code nodeType}/{@code displayName}, triggers by
 * {@code whatsapp_config_id}, errors as {@code {error, status, message}}; no status writes, no deletes.
 */
final class LegacyRoutes {

    private static final Pattern FLOW = Pattern.compile("^/flows/([^/]+)$");
    private static final Pattern DEFINITION = Pattern.compile("^/flows/([^/]+)/definition$");
    private static final Pattern FLOW_TRIGGERS = Pattern.compile("^/flows/([^/]+)/triggers$");
    private static final Pattern FLOW_EXECUTIONS = Pattern.compile("^/flows/([^/]+)/executions$");
    private static final Pattern TRIGGER = Pattern.compile("^/triggers/([^/]+)$");
    private static final Pattern EXECUTION = Pattern.compile("^/flow_executions/([^/]+)$");
    private static final Pattern RESUME = Pattern.compile("^/flow_executions/([^/]+)/resume$");
    private static final Set<String> NODE_TYPES = Set.of(
            "start",
            "send_text",
            "send_template",
            "set_variable",
            "webhook",
            "wait_for_response",
            "decide",
            "send_interactive",
            "pipedream",
            "function",
            "agent");
    private static final List<String> STATUSES = List.of("draft", "active", "archived");
    private static final List<String> EXECUTION_STATUSES = List.of("running", "waiting", "ended", "failed");

    private LegacyRoutes() {}

    static Reply route(EmulatorState state, String method, String path, String query, JsonNode body) {
        Matcher m;
        if (path.equals("/flows")) {
            return switch (method) {
                case "GET" -> list(state, Query.parse(query).get("q[status_eq]"));
                case "POST" -> Routes.write(state, () -> create(state, body.path("flow")));
                default -> error(404, "Not found");
            };
        }
        if ((m = FLOW.matcher(path)).matches()) {
            String id = m.group(1);
            return switch (method) {
                case "GET" ->
                    state.workflow(id).map(w -> Reply.data(200, flow(w))).orElseGet(LegacyRoutes::noFlow);
                case "PATCH" -> Routes.write(state, () -> update(state, id, body.path("flow")));
                default -> error(404, "Not found");
            };
        }
        if ((m = DEFINITION.matcher(path)).matches() && method.equals("GET")) {
            String id = m.group(1);
            return state.workflow(id)
                    .map(w -> Reply.data(200, withDefinition(state, w)))
                    .orElseGet(LegacyRoutes::noFlow);
        }
        if ((m = FLOW_TRIGGERS.matcher(path)).matches()) {
            String id = m.group(1);
            if (state.workflow(id).isEmpty()) {
                return noFlow();
            }
            return switch (method) {
                case "GET" -> Reply.data(200, triggers(state.triggers(id)));
                case "POST" -> Routes.write(state, () -> addTrigger(state, id, body.path("trigger")));
                default -> error(404, "Not found");
            };
        }
        if ((m = FLOW_EXECUTIONS.matcher(path)).matches()) {
            return switch (method) {
                case "GET" -> executions(state, m.group(1), Query.parse(query).get("q[status_eq]"));
                case "POST" -> start(state, m.group(1), body);
                default -> error(404, "Not found");
            };
        }
        if ((m = EXECUTION.matcher(path)).matches() && method.equals("GET")) {
            return platform(state, "GET", "/workflow_executions/" + m.group(1), Json.object());
        }
        if ((m = RESUME.matcher(path)).matches() && method.equals("POST")) {
            // {input: "text"} or {message: {...}}: the platform runtime takes either as the message's data
            ObjectNode resume = Json.object();
            resume.putObject("message")
                    .put("kind", "payload")
                    .set("data", body.has("input") ? body.get("input") : body.path("message"));
            Reply answer = platform(state, "POST", "/workflow_executions/" + m.group(1) + "/resume", resume);
            return answer.status() == 422
                    ? new Reply(
                            422,
                            Json.object()
                                    .put("error", "Execution cannot be resumed")
                                    .put(
                                            "message",
                                            answer.body().path("message").asText()))
                    : answer;
        }
        if (path.equals("/functions") || path.startsWith("/functions/")) {
            return functions(state, method, path, body);
        }
        if (TRIGGER.matcher(path).matches() && (method.equals("PATCH") || method.equals("DELETE"))) {
            // the same endpoint as the Platform's; only the trigger's and the error's shapes differ
            Reply reply = Routes.route(state, method, path, null, body);
            if (reply.status() >= 400) {
                return error(reply.status(), reply.body().path("error").asText(""));
            }
            return reply.body() == null
                    ? reply
                    : Reply.data(
                            reply.status(), trigger((ObjectNode) reply.body().path("data")));
        }
        return error(404, "Not found");
    }

    private static Reply list(EmulatorState state, String statusEq) {
        ArrayNode flows = Json.array();
        for (ObjectNode workflow : state.workflows()) {
            if (statusEq == null
                    || statusEq.equals(workflow.path("status").asText())
                    || statusEq.equals(String.valueOf(
                            STATUSES.indexOf(workflow.path("status").asText())))) {
                flows.add(flow(workflow));
            }
        }
        return Reply.data(200, flows);
    }

    private static Reply create(EmulatorState state, JsonNode input) {
        synchronized (state) {
            String name = input.path("name").asText("");
            if (name.isBlank()) {
                return error(422, "Name can't be blank");
            }
            Optional<Reply> refused = refusedDefinition(state, input.path("definition"));
            if (refused.isPresent()) {
                return refused.get();
            }
            // a legacy flow has no slug; the Platform view of the same table needs a unique one
            String slug = Slugs.suggest(name);
            for (int n = 2; state.slugTaken(slug, ""); n++) {
                slug = Slugs.suggest(name) + "-" + n;
            }
            ObjectNode created = state.createWorkflow(name, slug, input.get("description"));
            if (input.has("definition")) {
                state.applyDefinition(created.path("id").asText(), input.path("definition"));
            }
            return Reply.data(
                    201, flow(state.workflow(created.path("id").asText()).orElseThrow()));
        }
    }

    /** Name, description and definition; anything else (a status) is dropped, as Rails drops unpermitted keys. */
    private static Reply update(EmulatorState state, String id, JsonNode input) {
        synchronized (state) {
            Optional<ObjectNode> found = state.workflow(id);
            if (found.isEmpty()) {
                return noFlow();
            }
            if (!input.isObject()) {
                return error(422, "flow is required");
            }
            if (input.has("name") && input.path("name").asText("").isBlank()) {
                return error(422, "Name can't be blank");
            }
            Optional<Reply> refused = refusedDefinition(state, input.path("definition"));
            if (refused.isPresent()) {
                return refused.get();
            }
            ObjectNode workflow = found.get();
            for (String key : List.of("name", "description")) {
                if (input.has(key)) {
                    workflow.set(key, input.get(key));
                }
            }
            if (input.has("definition")) {
                state.applyDefinition(id, input.path("definition"));
            }
            state.saveWorkflow(workflow);
            return Reply.data(200, flow(state.workflow(id).orElseThrow()));
        }
    }

    private static Optional<Reply> refusedDefinition(EmulatorState state, JsonNode definition) {
        for (JsonNode node : definition.path("nodes")) {
            String type = node.path("data")
                    .path("node_type")
                    .asText(node.path("data").path("nodeType").asText(""));
            if (!NODE_TYPES.contains(type)) {
                return Optional.of(error(
                        422, "Definition is invalid: node " + node.path("id").asText() + " has unknown type " + type));
            }
        }
        return state.referenceProblem(definition).map(problem -> error(422, problem));
    }

    private static Reply addTrigger(EmulatorState state, String flowId, JsonNode input) {
        String type = input.path("trigger_type").asText("");
        if (!type.equals("inbound_message") && !type.equals("api_call")) {
            return error(422, "Trigger type is not included in the list");
        }
        ObjectNode platform = Json.object()
                .put("trigger_type", type)
                .put("active", input.path("active").asBoolean(true));
        if (type.equals("inbound_message")) {
            if (!input.path("whatsapp_config_id").isTextual()) {
                return error(422, "Whatsapp config can't be blank");
            }
            platform.set("phone_number_id", input.get("whatsapp_config_id"));
        }
        return Routes.trigger(flowId, platform)
                .map(t -> state.inboundConflict(t)
                        .map(conflict -> error(422, conflict))
                        .orElseGet(() -> Reply.data(201, trigger(state.addTrigger(t)))))
                .orElseGet(() -> error(422, "Invalid trigger"));
    }

    /**
     * POST /flows/{id}/executions: the request is not wrapped, the flow needs an active API trigger, and
     * the answer is {@code {flow_id, tracking_id, message}}, not wrapped either.
     */
    private static Reply start(EmulatorState state, String flowId, JsonNode body) {
        if (state.workflow(flowId).isEmpty()) {
            return noFlow();
        }
        ObjectNode request = Json.object();
        for (String key : List.of("phone_number", "variables", "context")) {
            if (body.has(key)) {
                request.set(key, body.get(key));
            }
        }
        ObjectNode wrapped = Json.object();
        wrapped.set("workflow_execution", request);
        Reply started = platform(state, "POST", "/workflows/" + flowId + "/executions", wrapped);
        if (started.status() == 422) {
            return new Reply(
                    422,
                    Json.object()
                            .put("error", "Flow is not active")
                            .put(
                                    "details",
                                    "Flow must be in active status and have an active API trigger ("
                                            + started.body().path("message").asText() + ")"));
        }
        if (started.status() != 202) {
            return started;
        }
        return new Reply(
                202,
                Json.object()
                        .put("flow_id", flowId)
                        .put(
                                "tracking_id",
                                started.body().path("data").path("tracking_id").asText())
                        .put("message", "Flow execution queued"));
    }

    private static Reply platform(EmulatorState state, String method, String path, JsonNode body) {
        Reply reply =
                state.executionRoutes().route(state, method, path, null, body).orElseThrow();
        if (reply.status() >= 400) {
            String message = reply.body().path("error").asText("");
            return error(reply.status(), message);
        }
        return reply;
    }

    /**
     * The legacy functions API over the Platform's functions: updates by PUT, no slug on create (the API
     * makes it), functions without lock version, response mode or public endpoint, a deploy answered
     * 200, and secrets listed as {@code {data: {secrets: [...]}}}.
     */
    private static Reply functions(EmulatorState state, String method, String path, JsonNode body) {
        boolean one = path.matches("^/functions/[^/]+$");
        if (one && method.equals("PATCH")) {
            return error(404, "Not found"); // the legacy API updates with PUT
        }
        JsonNode forwarded = body;
        if (body.path("function").isObject()) {
            // keys the legacy description does not list are dropped, as Rails drops unpermitted ones
            ObjectNode copy = body.deepCopy();
            ((ObjectNode) copy.get("function")).remove(List.of("slug", "invoke_response_mode", "public_endpoint"));
            forwarded = copy;
        }
        Reply reply = state.functionRoutes()
                .route(state, one && method.equals("PUT") ? "PATCH" : method, path, forwarded)
                .orElseGet(() -> error(404, "Not found"));
        if (reply.status() >= 400) {
            return error(reply.status(), reply.body().path("error").asText(""));
        }
        if (reply.body() == null) {
            return reply;
        }
        if (path.endsWith("/deploy")) {
            return new Reply(200, ((ObjectNode) reply.body().deepCopy()).put("status", "deployed"));
        }
        if (path.endsWith("/secrets") && method.equals("GET")) {
            ObjectNode secrets = Json.object();
            secrets.putObject("data").set("secrets", reply.body().path("data"));
            return new Reply(200, secrets);
        }
        JsonNode data = reply.body().path("data");
        if (data.isObject()) {
            ((ObjectNode) data).remove(List.of("lock_version", "invoke_response_mode", "public_endpoint"));
        } else if (data.isArray()) {
            data.forEach(
                    f -> ((ObjectNode) f).remove(List.of("lock_version", "invoke_response_mode", "public_endpoint")));
        }
        return reply;
    }

    /** The Platform's executions of the workflow, with the legacy status filter. */
    private static Reply executions(EmulatorState state, String flowId, String statusEq) {
        if (state.workflow(flowId).isEmpty()) {
            return noFlow();
        }
        String status = statusEq == null
                ? null
                : statusEq.matches("[0-3]") ? EXECUTION_STATUSES.get(Integer.parseInt(statusEq)) : statusEq;
        Reply platform = state.executionRoutes()
                .route(
                        state,
                        "GET",
                        "/workflows/" + flowId + "/executions",
                        status == null ? null : "status=" + status,
                        Json.object())
                .orElseThrow();
        ObjectNode answer = Json.object();
        answer.set("data", platform.body().path("data"));
        return new Reply(platform.status(), answer);
    }

    private static ObjectNode flow(ObjectNode workflow) {
        ObjectNode flow = Json.object();
        for (String key : List.of("id", "name", "description", "status", "project_id", "created_at", "updated_at")) {
            flow.set(key, workflow.has(key) ? workflow.get(key) : Json.valueOf(null));
        }
        flow.putNull("created_by");
        flow.putNull("last_executed_at");
        flow.put("execution_count", 0);
        return flow;
    }

    private static ObjectNode withDefinition(EmulatorState state, ObjectNode workflow) {
        ObjectNode flow = flow(workflow);
        ObjectNode definition = state.definition(workflow.path("id").asText()).deepCopy();
        for (JsonNode node : definition.path("nodes")) {
            if (node.path("data") instanceof ObjectNode data) {
                // the legacy description's example answers in camelCase
                if (data.has("node_type")) {
                    data.set("nodeType", data.remove("node_type"));
                }
                if (data.has("display_name")) {
                    data.set("displayName", data.remove("display_name"));
                }
            }
        }
        flow.set("definition", definition);
        flow.putArray("whatsapp_configs");
        return flow;
    }

    private static ArrayNode triggers(List<ObjectNode> stored) {
        ArrayNode triggers = Json.array();
        stored.forEach(t -> triggers.add(trigger(t)));
        return triggers;
    }

    private static ObjectNode trigger(ObjectNode stored) {
        ObjectNode trigger = Json.object()
                .put("id", stored.path("id").asText())
                .put("flow_id", stored.path("workflow_id").asText())
                .put("trigger_type", stored.path("trigger_type").asText())
                .put("active", stored.path("active").asBoolean(true));
        JsonNode number = stored.path("triggerable").path("phone_number_id");
        if (number.isTextual()) {
            trigger.set("whatsapp_config_id", number);
        }
        trigger.set("created_at", stored.path("created_at"));
        trigger.set("updated_at", stored.path("updated_at"));
        return trigger;
    }

    private static Reply noFlow() {
        return error(404, "Flow not found");
    }

    /** The legacy error body: {@code {error, status, message}}. */
    static Reply error(int status, String message) {
        return new Reply(
                status,
                Json.object()
                        .put("error", status == 404 ? "Not found" : status == 422 ? "Unprocessable entity" : "Error")
                        .put("status", status)
                        .put("message", message));
    }
}
