package io.kapsocode.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kapso's older flows API ({@code https://app.kapso.ai/api/v1}, {@code X-API-Key}), which keeps the
 * Platform's workflow graphs under the name flows, translated to the Platform's shapes so that one engine
 * plans, applies and pulls against both: a flow gets the slug of the source workflow whose legacy name
 * (default: its name) it carries, definitions are read in either key casing, triggers name their number
 * by {@code whatsapp_config_id}, and trigger sets are written one trigger at a time. Functions live at
 * the same root (the legacy functions API, which makes its own slugs: a function is known by its name).
 * WhatsApp flows, provider models and phone numbers do not exist there: lists are empty, writes refused.
 */
public final class LegacyFlowsClient implements KapsoApi {

    /** A flow list of exactly one of these sizes may have been cut short by a limit the API never documents. */
    static final Set<Integer> ROUND_SIZES = Set.of(20, 25, 50, 100, 200, 250, 500, 1000);

    /** Execution statuses by the number {@code q[status_eq]} takes. */
    private static final List<String> EXECUTION_STATUSES = List.of("running", "waiting", "ended", "failed");

    private final ApiTransport transport;
    private final ClientLog log;
    private final Map<String, String> slugsByName;
    private final Map<String, String> slugsById = new ConcurrentHashMap<>();
    private final Sleeper sleeper;
    private final Map<String, String> functionSlugsByName;
    private final Map<String, String> functionSlugsById = new ConcurrentHashMap<>();

    /**
     * @param slugsByLegacyName the slug of each source workflow, by the name its flow has on this API
     * @param functionSlugsByName the slug of each source function, by its name (the API makes its own slugs)
     */
    public LegacyFlowsClient(
            ClientSettings settings, Map<String, String> slugsByLegacyName, Map<String, String> functionSlugsByName) {
        this.transport = new ApiTransport(settings);
        this.log = settings.log();
        this.sleeper = settings.sleeper();
        this.slugsByName = Map.copyOf(slugsByLegacyName);
        this.functionSlugsByName = Map.copyOf(functionSlugsByName);
    }

    /** A client for sources without functions. */
    public LegacyFlowsClient(ClientSettings settings, Map<String, String> slugsByLegacyName) {
        this(settings, slugsByLegacyName, Map.of());
    }

    @Override
    public ApiKind api() {
        return ApiKind.LEGACY;
    }

    @Override
    public Map<String, Integer> requestCounts() {
        return transport.requestCounts();
    }

    // ---- flows, as workflows

    /**
     * GET /flows. Two flows with the name a source workflow claims cannot be told apart: an error naming
     * both ids. Flows no source claims get a slug from their name (for a pull).
     */
    @Override
    public List<ObjectNode> listWorkflows() {
        String operation = "listing flows";
        List<ObjectNode> flows = items(operation, transport.call(operation, "GET", "/flows", null, null));
        if (ROUND_SIZES.contains(flows.size())) {
            log.warn("GET /flows returned exactly " + flows.size() + " flows; the legacy API documents no"
                    + " pagination, so the list may be cut short: a flow beyond it would be planned as new");
        }
        Map<String, List<ObjectNode>> byName = new LinkedHashMap<>();
        flows.forEach(f -> byName.computeIfAbsent(f.path("name").asText(), k -> new ArrayList<>())
                .add(f));
        List<String> ambiguous = new ArrayList<>();
        byName.forEach((name, named) -> {
            if (named.size() > 1 && slugsByName.containsKey(name)) {
                ambiguous.add("'" + name + "' ("
                        + String.join(
                                ", ",
                                named.stream().map(f -> f.path("id").asText()).toList()) + ")");
            }
        });
        if (!ambiguous.isEmpty()) {
            throw new KapsoApiException(
                    Kind.INVALID,
                    0,
                    "the legacy flows API matches workflows by name, and several flows are named "
                            + String.join(", ", ambiguous) + "; rename all but one in the Kapso dashboard, or give"
                            + " the workflow settings.legacy_name of a name only one flow has",
                    null);
        }
        Set<String> taken = new HashSet<>(slugsByName.values());
        List<ObjectNode> workflows = new ArrayList<>();
        for (ObjectNode flow : flows) {
            String name = flow.path("name").asText();
            String id = flow.path("id").asText();
            String slug = slugsByName.get(name);
            if (slug == null) {
                slug = slugify(name, id);
                if (!taken.add(slug)) {
                    slug = slug + "-"
                            + id.substring(0, Math.min(8, id.length())).toLowerCase(Locale.ROOT);
                }
            }
            slugsById.put(id, slug);
            workflows.add(asWorkflow(flow));
        }
        return workflows;
    }

    @Override
    public ObjectNode getWorkflow(String id) {
        String operation = "reading flow " + id;
        return asWorkflow(data(operation, transport.call(operation, "GET", "/flows/" + id, null, null)));
    }

    /** GET /flows/{id}/definition, with {@code nodeType}/{@code displayName} read as snake_case. */
    @Override
    public ObjectNode getWorkflowDefinition(String id) {
        String operation = "reading the definition of flow " + id;
        ObjectNode flow = asWorkflow(
                data(operation, transport.call(operation, "GET", "/flows/" + id + "/definition", null, null)));
        for (JsonNode node : flow.path("definition").path("nodes")) {
            JsonNode data = node.path("data");
            if (data instanceof ObjectNode d) {
                rename(d, "nodeType", "node_type");
                rename(d, "displayName", "display_name");
            }
        }
        return flow;
    }

    /** POST /flows with the name and description; the definition follows in an update. */
    @Override
    public ObjectNode createWorkflow(ObjectNode workflow) {
        String name = workflow.path("name").asText();
        String operation = "creating flow '" + name + "'";
        ObjectNode flow = Json.object().put("name", name);
        if (workflow.has("description")) {
            flow.set("description", workflow.get("description"));
        }
        if (workflow.has("definition")) {
            flow.set("definition", workflow.get("definition"));
        }
        ObjectNode created = data(operation, transport.call(operation, "POST", "/flows", null, wrap("flow", flow)));
        slugsById.put(created.path("id").asText(), workflow.path("slug").asText(slugify(name, "")));
        return asWorkflow(created);
    }

    /**
     * PATCH /flows/{id} with the name, description and definition given. The API has no lock version and
     * no status: the caller checks for concurrent writers by reading again, and a status is never sent.
     */
    @Override
    public ObjectNode updateWorkflow(String id, String slug, ObjectNode changes) {
        if (changes.has("status")) {
            throw new IllegalArgumentException("the legacy flows API cannot change a flow's status");
        }
        ObjectNode flow = Json.object();
        for (String field : List.of("name", "description", "definition")) {
            if (changes.has(field)) {
                flow.set(field, changes.get(field));
            }
        }
        String operation = "updating flow '" + slug + "'";
        return asWorkflow(
                data(operation, transport.call(operation, "PATCH", "/flows/" + id, null, wrap("flow", flow))));
    }

    // ---- executions

    /**
     * GET /flows/{id}/executions; a {@code status} filter becomes {@code q[status_eq]} (0 to 3). A status
     * the legacy API does not have ({@code handoff}) has no executions.
     */
    @Override
    public List<ObjectNode> listExecutions(String workflowId, Map<String, String> filters) {
        Map<String, Object> query = new LinkedHashMap<>();
        String status = filters.get("status");
        if (status != null && !EXECUTION_STATUSES.contains(status)) {
            return List.of();
        }
        if (status != null) {
            query.put("q[status_eq]", EXECUTION_STATUSES.indexOf(status));
        }
        String operation = "listing executions of flow " + workflowId;
        List<ObjectNode> executions =
                items(operation, transport.call(operation, "GET", "/flows/" + workflowId + "/executions", query, null));
        executions.forEach(LegacyFlowsClient::statusAsText);
        return executions;
    }

    /** POST /flows/{id}/executions (the flow needs an active API trigger); the answer is not wrapped. */
    @Override
    public ObjectNode startExecution(String workflowId, String slug, ObjectNode request) {
        String operation = "starting an execution of flow '" + slug + "'";
        JsonNode answer = transport.call(operation, "POST", "/flows/" + workflowId + "/executions", null, request);
        if (!answer.isObject()) {
            throw Envelopes.malformed(operation, "an object", answer, transport.redactor());
        }
        ObjectNode started = ((ObjectNode) answer).deepCopy();
        started.set("workflow_id", answer.path("flow_id"));
        return started;
    }

    @Override
    public ObjectNode getExecution(String id) {
        String operation = "reading execution " + id;
        return statusAsText(data(operation, transport.call(operation, "GET", "/flow_executions/" + id, null, null)));
    }

    /** POST /flow_executions/{id}/resume: a text as {@code input}, anything else as {@code message}. */
    @Override
    public ObjectNode resumeExecution(String id, JsonNode data) {
        String operation = "resuming execution " + id;
        ObjectNode body = Json.object();
        if (data.isTextual()) {
            body.set("input", data);
        } else {
            body.set("message", data);
        }
        return statusAsText(
                data(operation, transport.call(operation, "POST", "/flow_executions/" + id + "/resume", null, body)));
    }

    // ---- triggers

    /** GET /flows/{id}/triggers; an inbound trigger's {@code whatsapp_config_id} is its number. */
    @Override
    public List<ObjectNode> listTriggers(String workflowId) {
        String operation = "listing triggers of flow " + workflowId;
        List<ObjectNode> triggers =
                items(operation, transport.call(operation, "GET", "/flows/" + workflowId + "/triggers", null, null));
        triggers.forEach(LegacyFlowsClient::asPlatformTrigger);
        return triggers;
    }

    /**
     * The API has no set-replacing call, so the set is written trigger by trigger, in an order that never
     * leaves two active inbound triggers on one number: triggers no longer wanted are deleted first, then
     * ones to switch off are switched off, then new ones are added, then ones to switch on are switched on.
     * If a call fails, the error says which calls were made and which were not.
     */
    @Override
    public List<ObjectNode> replaceTriggers(String workflowId, String slug, ArrayNode triggers) {
        Map<String, ObjectNode> current = new LinkedHashMap<>();
        listTriggers(workflowId).forEach(t -> current.putIfAbsent(key(t), t));
        Map<String, ObjectNode> wanted = new LinkedHashMap<>();
        triggers.forEach(t -> wanted.putIfAbsent(key(t), (ObjectNode) t));

        List<Runnable> calls = new ArrayList<>();
        List<String> named = new ArrayList<>();
        List<ObjectNode> result = new ArrayList<>();
        current.forEach((key, trigger) -> {
            if (!wanted.containsKey(key)) {
                named.add("delete " + key);
                calls.add(() -> deleteTrigger(trigger.path("id").asText()));
            }
        });
        for (boolean switchingOn : List.of(false, true)) {
            if (switchingOn) {
                wanted.forEach((key, trigger) -> {
                    if (!current.containsKey(key)) {
                        named.add("add " + key);
                        calls.add(() -> result.add(createTrigger(workflowId, trigger)));
                    }
                });
            }
            wanted.forEach((key, trigger) -> {
                ObjectNode existing = current.get(key);
                boolean active = trigger.path("active").asBoolean(true);
                if (existing != null && active == switchingOn) {
                    if (existing.path("active").asBoolean(true) != active) {
                        named.add((active ? "switch on " : "switch off ") + key);
                        calls.add(() ->
                                result.add(setTriggerActive(existing.path("id").asText(), active)));
                    } else {
                        result.add(existing);
                    }
                }
            });
        }
        for (int i = 0; i < calls.size(); i++) {
            try {
                calls.get(i).run();
            } catch (KapsoApiException e) {
                throw new KapsoApiException(
                        e.kind(),
                        e.status().orElse(0),
                        "replacing the triggers of flow '" + slug + "' one by one: done " + named.subList(0, i)
                                + ", failed at '" + named.get(i) + "' (" + e.getMessage() + "), not done "
                                + named.subList(i + 1, named.size()),
                        e);
            }
        }
        return result;
    }

    @Override
    public ObjectNode createTrigger(String workflowId, ObjectNode trigger) {
        String type = trigger.path("trigger_type").asText();
        String operation = "adding the " + type + " trigger of flow " + workflowId;
        ObjectNode body = Json.object()
                .put("trigger_type", type)
                .put("active", trigger.path("active").asBoolean(true));
        if (trigger.path("phone_number_id").isTextual()) {
            body.put("whatsapp_config_id", trigger.get("phone_number_id").textValue());
        }
        return asPlatformTrigger(data(
                operation,
                transport.call(operation, "POST", "/flows/" + workflowId + "/triggers", null, wrap("trigger", body))));
    }

    @Override
    public ObjectNode setTriggerActive(String triggerId, boolean active) {
        String operation = (active ? "activating" : "deactivating") + " trigger " + triggerId;
        ObjectNode body = wrap("trigger", Json.object().put("active", active));
        return asPlatformTrigger(
                data(operation, transport.call(operation, "PATCH", "/triggers/" + triggerId, null, body)));
    }

    @Override
    public void deleteTrigger(String triggerId) {
        transport.call("deleting trigger " + triggerId, "DELETE", "/triggers/" + triggerId, null, null);
    }

    // ---- what the legacy API does not have

    // ---- functions: the legacy functions API (same root), with no slug of ours on write

    /** GET /functions; a function gets the slug of the source function that has its name. */
    @Override
    public List<ObjectNode> listFunctions() {
        String operation = "listing functions";
        List<ObjectNode> functions = items(operation, transport.call(operation, "GET", "/functions", null, null));
        functions.forEach(this::asSourceFunction);
        return functions;
    }

    @Override
    public ObjectNode getFunction(String id) {
        String operation = "reading function " + id;
        return asSourceFunction(data(operation, transport.call(operation, "GET", "/functions/" + id, null, null)));
    }

    /** POST /functions: the legacy API makes the slug itself, so the function is known by its name. */
    @Override
    public ObjectNode createFunction(ObjectNode function) {
        String operation = "creating function '" + function.path("slug").asText() + "'";
        ObjectNode created = data(
                operation,
                transport.call(operation, "POST", "/functions", null, wrap("function", functionFields(function))));
        functionSlugsById.put(created.path("id").asText(), function.path("slug").asText());
        return asSourceFunction(created);
    }

    /** PUT /functions/{id} with the fields the legacy API has. */
    @Override
    public ObjectNode updateFunction(String id, String slug, ObjectNode changes) {
        String operation = "updating function '" + slug + "'";
        return asSourceFunction(data(
                operation,
                transport.call(operation, "PUT", "/functions/" + id, null, wrap("function", functionFields(changes)))));
    }

    @Override
    public void deleteFunction(String id, String slug) {
        SharedFunctionCalls.delete(transport, id, slug);
    }

    @Override
    public ObjectNode deployFunction(String id, String slug, Duration pollInterval, Duration timeout) {
        return SharedFunctionCalls.deploy(transport, id, slug, () -> getFunction(id), pollInterval, timeout, sleeper);
    }

    /** GET /functions/{id}/secrets answers {@code {data: {secrets: [{name, type}]}}}; names only. */
    @Override
    public List<String> listSecretNames(String functionId) {
        String operation = "listing secrets of function " + functionId;
        ObjectNode data =
                data(operation, transport.call(operation, "GET", "/functions/" + functionId + "/secrets", null, null));
        List<String> names = new ArrayList<>();
        data.path("secrets").forEach(secret -> names.add(secret.path("name").asText()));
        return names;
    }

    @Override
    public void setSecret(String functionId, String slug, String name, String value) {
        SharedFunctionCalls.setSecret(transport, functionId, slug, name, value);
    }

    /** The fields a legacy function takes: no slug, lock version, response mode or public endpoint. */
    private static ObjectNode functionFields(ObjectNode function) {
        ObjectNode fields = Json.object();
        for (String key : List.of("name", "description", "code", "function_type", "runtime_config")) {
            if (function.has(key)) {
                fields.set(key, function.get(key));
            }
        }
        return fields;
    }

    private ObjectNode asSourceFunction(ObjectNode function) {
        String id = function.path("id").asText();
        String slug = functionSlugsById.computeIfAbsent(
                id,
                k -> functionSlugsByName.getOrDefault(
                        function.path("name").asText(), function.path("slug").asText()));
        function.put("slug", slug);
        return function;
    }

    // ---- what the legacy API does not have

    @Override
    public List<ObjectNode> listWhatsappFlows() {
        return List.of();
    }

    @Override
    public ObjectNode getWhatsappFlow(String id) {
        throw unsupported("WhatsApp flows");
    }

    @Override
    public ObjectNode createWhatsappFlow(ObjectNode flow) {
        throw unsupported("WhatsApp flows");
    }

    @Override
    public List<ObjectNode> listWhatsappFlowVersions(String flowId) {
        throw unsupported("WhatsApp flows");
    }

    @Override
    public ObjectNode createWhatsappFlowVersion(String flowId, String name, JsonNode flowJson) {
        throw unsupported("WhatsApp flows");
    }

    @Override
    public Optional<ObjectNode> latestWhatsappFlowVersion(String flowId) {
        throw unsupported("WhatsApp flows");
    }

    @Override
    public ObjectNode getWhatsappFlowVersion(String flowId, String versionId) {
        throw unsupported("WhatsApp flows");
    }

    @Override
    public ObjectNode publishWhatsappFlow(String flowId, String name) {
        throw unsupported("WhatsApp flows");
    }

    /** None: nodes name provider models by id on this API. */
    @Override
    public List<ObjectNode> listProviderModels() {
        return List.of();
    }

    @Override
    public List<ObjectNode> listPhoneNumbers() {
        return List.of();
    }

    // ---- shapes

    private ObjectNode asWorkflow(ObjectNode flow) {
        String id = flow.path("id").asText();
        flow.put(
                "slug",
                slugsById.computeIfAbsent(
                        id,
                        k -> slugsByName.getOrDefault(
                                flow.path("name").asText(),
                                slugify(flow.path("name").asText(), id))));
        return flow;
    }

    /** The Platform's trigger shape: the number under {@code triggerable}, as {@code phone_number_id}. */
    private static ObjectNode asPlatformTrigger(ObjectNode trigger) {
        if (trigger.path("whatsapp_config_id").isTextual() && !trigger.has("phone_number_id")) {
            trigger.set("phone_number_id", trigger.get("whatsapp_config_id"));
            trigger.putObject("triggerable").set("phone_number_id", trigger.get("whatsapp_config_id"));
        }
        return trigger;
    }

    private static ObjectNode statusAsText(ObjectNode execution) {
        JsonNode status = execution.path("status");
        if (status.canConvertToInt() && status.asInt() >= 0 && status.asInt() < EXECUTION_STATUSES.size()) {
            execution.put("status", EXECUTION_STATUSES.get(status.asInt()));
        }
        return execution;
    }

    /** A trigger's identity in a set: its type, and the number an inbound trigger listens on. */
    private static String key(JsonNode trigger) {
        String type = trigger.path("trigger_type").asText();
        String number = trigger.path("phone_number_id")
                .asText(trigger.path("whatsapp_config_id").asText(""));
        return number.isEmpty() ? type : type + " on " + number;
    }

    private static void rename(ObjectNode object, String from, String to) {
        if (object.has(from)) {
            JsonNode value = object.remove(from);
            if (!object.has(to)) {
                object.set(to, value);
            }
        }
    }

    /** {@code Order Bot (v2)} → {@code order-bot-v2}. */
    static String slugify(String name, String id) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty()
                ? "flow-" + id.substring(0, Math.min(8, id.length())).toLowerCase(Locale.ROOT)
                : slug;
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the legacy flows API has no " + what
                + "; target the Platform API (kapso.api=platform) to manage them");
    }

    private static ObjectNode wrap(String name, JsonNode content) {
        return Envelopes.wrap(name, content);
    }

    private ObjectNode data(String operation, JsonNode response) {
        return Envelopes.data(operation, response, transport.redactor());
    }

    private List<ObjectNode> items(String operation, JsonNode response) {
        return Envelopes.items(operation, response, transport.redactor());
    }
}
