package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.FieldShape;
import io.kapsocode.codec.NodeTypes;
import io.kapsocode.codec.RecordShape;
import io.kapsocode.compile.ComputedLabels;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.WebhookConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The emulated project: workflows with their definitions, and triggers. Stored the way Kapso returns
 * them: definitions with remote edge and condition ids, every known config key present ({@code null}
 * when unset), webhook {@code headers} and {@code body_template} as JSON strings.
 */
public final class EmulatorState {

    private final String projectId = UUID.randomUUID().toString();
    private final Map<String, ObjectNode> workflows = new LinkedHashMap<>();
    private final Map<String, ObjectNode> definitions = new HashMap<>();
    private final Map<String, ObjectNode> triggers = new LinkedHashMap<>();
    private final FunctionRoutes functions = new FunctionRoutes();
    private final PlatformRoutes whatsapp = new PlatformRoutes();
    private final ExecutionRoutes executions = new ExecutionRoutes();
    private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

    /** Keys of this tool's model that only sources write; Kapso stores and returns ids instead. */
    private static final Set<String> SOURCE_ONLY_KEYS = Set.of("function_slug", "workflow_slug", "whatsapp_flow_name");

    /** Models a new Kapso project can use out of the box. */
    static final List<String> PROVIDER_MODELS =
            List.of("gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-5", "gemini-2.5-flash");

    public EmulatorState() {
        PROVIDER_MODELS.forEach(whatsapp::addProviderModel);
    }

    FunctionRoutes functionRoutes() {
        return functions;
    }

    PlatformRoutes platformRoutes() {
        return whatsapp;
    }

    ExecutionRoutes executionRoutes() {
        return executions;
    }

    /**
     * What the world outside the workflows does in the executions the API starts: how functions answer
     * (stubs, or a runner of their code), which label an AI decision picks, what agents do. Without it,
     * AI decisions follow the simulator's default rule and a function or agent step fails, naming what
     * to stub.
     */
    public void conversations(io.kapsocode.simulator.Scenario scenario) {
        executions.scenario(scenario);
    }

    /** The clock executions run on (the system's by default); a test moves it to pass a timeout. */
    public void executionClock(java.time.Clock clock) {
        executions.clock(clock);
    }

    /** Every function as Kapso would list it. */
    public List<ObjectNode> functions() {
        return functions.all();
    }

    /** The secrets set on a function (names to values), as the function would see them. */
    public Map<String, String> functionSecrets(String functionId) {
        return functions.secrets(functionId);
    }

    /** The next function deploy ends in {@code error}. */
    public void failNextDeploy() {
        functions.failNextDeploy();
    }

    /** Every WhatsApp flow. */
    public List<ObjectNode> whatsappFlows() {
        return whatsapp.all();
    }

    /** Adds a WhatsApp phone number the project owns (Kapso knows the numbers connected to it). */
    public void addPhoneNumber(String phoneNumberId, String displayNumber) {
        whatsapp.addPhoneNumber(phoneNumberId, displayNumber);
    }

    /** Adds a provider model the project may use. */
    public void addProviderModel(String name) {
        whatsapp.addProviderModel(name);
    }

    private volatile boolean definitionWritesIgnoreLockVersion;

    /**
     * Kapso's documented weaker mode (contract §C.6: its own scripts say the Platform API "does not
     * currently enforce lock_version for definition updates"): a PATCH that writes a definition passes
     * with a stale {@code lock_version}; other PATCHes are still checked. Off by default, as Kapso's
     * OpenAPI spec answers 409.
     */
    public void ignoreLockVersionOnDefinitionWrites(boolean ignore) {
        definitionWritesIgnoreLockVersion = ignore;
    }

    boolean ignoresLockVersionOf(JsonNode update) {
        return definitionWritesIgnoreLockVersion && update.has("definition");
    }

    /** Replaces the provider model catalogue: only these names (and their ids) are accepted. */
    public void setProviderModels(List<String> names) {
        whatsapp.setProviderModels(names);
    }

    /** Whether the catalogue has a model of this name or id. */
    public boolean hasProviderModel(String nameOrId) {
        return whatsapp.providerModel(nameOrId).isPresent();
    }

    /** The version of the {@link #snapshot()} format. */
    static final int SNAPSHOT_VERSION = 1;

    /**
     * Everything the project holds, as JSON, to keep it between runs ({@link #restore}). Function secrets
     * are kept by name only: their values never reach a file.
     */
    public synchronized ObjectNode snapshot() {
        ObjectNode out = Json.object().put("format_version", SNAPSHOT_VERSION);
        ArrayNode workflowList = out.putArray("workflows");
        workflows.values().forEach(w -> workflowList.add(w.deepCopy()));
        ObjectNode definitionMap = out.putObject("definitions");
        definitions.forEach((id, definition) -> definitionMap.set(id, definition.deepCopy()));
        ArrayNode triggerList = out.putArray("triggers");
        triggers.values().forEach(t -> triggerList.add(t.deepCopy()));
        functions.snapshot(out);
        whatsapp.snapshot(out);
        return out;
    }

    /** Replaces everything with a {@link #snapshot()}. */
    public synchronized void restore(JsonNode snapshot) {
        if (snapshot.path("format_version").asInt() != SNAPSHOT_VERSION) {
            throw new IllegalArgumentException("an emulator state of format "
                    + snapshot.path("format_version").asText("?") + "; this emulator reads " + SNAPSHOT_VERSION);
        }
        workflows.clear();
        definitions.clear();
        triggers.clear();
        snapshot.path("workflows").forEach(w -> workflows.put(w.path("id").asText(), (ObjectNode) w.deepCopy()));
        snapshot.path("definitions")
                .properties()
                .forEach(e ->
                        definitions.put(e.getKey(), (ObjectNode) e.getValue().deepCopy()));
        snapshot.path("triggers").forEach(t -> triggers.put(t.path("id").asText(), (ObjectNode) t.deepCopy()));
        functions.restore(snapshot);
        whatsapp.restore(snapshot);
    }

    /** How many write requests were served: a plan with no changes must leave it unchanged. */
    public int writes() {
        return writes.get();
    }

    /** Lock-free: the function and platform routes count writes while holding their own locks. */
    void countWrite() {
        writes.incrementAndGet();
    }

    synchronized List<ObjectNode> workflows() {
        List<ObjectNode> newestFirst = new ArrayList<>(workflows.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> workflow(String id) {
        return Optional.ofNullable(workflows.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized boolean slugTaken(String slug, String exceptId) {
        return workflows.values().stream()
                .anyMatch(w -> w.path("slug").asText().equals(slug)
                        && !w.path("id").asText().equals(exceptId));
    }

    synchronized ObjectNode createWorkflow(String name, String slug, JsonNode description) {
        return createWorkflow(UUID.randomUUID().toString(), name, slug, description);
    }

    /** A workflow with a given id, as a seeded project holds it. */
    synchronized ObjectNode createWorkflow(String id, String name, String slug, JsonNode description) {
        String now = Instant.now().toString();
        ObjectNode workflow = Json.object()
                .put("id", id)
                .put("name", name)
                .put("slug", slug)
                .put("status", "draft")
                .put("lock_version", 1)
                .put("message_debounce_seconds", 1)
                .put("agent_default_tools_version", 1)
                .put("inbound_message_read_mode", "read_with_typing")
                .put("created_at", now)
                .put("updated_at", now)
                .put("project_id", projectId)
                .put("execution_count", 0);
        workflow.set(
                "description", description == null || description.isMissingNode() ? Json.valueOf(null) : description);
        workflow.putNull("last_executed_at");
        workflows.put(id, workflow);
        ObjectNode definition = Json.object();
        definition.set("nodes", Json.array());
        definition.set("edges", Json.array());
        definitions.put(id, definition);
        return workflow.deepCopy();
    }

    synchronized void saveWorkflow(ObjectNode workflow) {
        workflow.put("lock_version", workflow.path("lock_version").asInt() + 1);
        workflow.put("updated_at", Instant.now().toString());
        workflows.put(workflow.path("id").asText(), workflow);
    }

    synchronized ObjectNode definition(String id) {
        ObjectNode definition = definitions.get(id).deepCopy();
        if (textValues) {
            definition.path("nodes").forEach(EmulatorState::asText);
        }
        return definition;
    }

    private volatile boolean textValues;

    /**
     * Answers definitions with numbers and booleans as real exports show them, beyond what Kapso's
     * OpenAPI spec says: {@code "temperature": "0.2"}, {@code "llm_temperature": "0.0"}, a boolean
     * {@code set_variable} value as {@code "t"} or {@code "f"} (contract §A.5). Off by default, where the
     * answers follow the spec.
     */
    public void answerValuesAsText(boolean asText) {
        textValues = asText;
    }

    private static void asText(JsonNode node) {
        JsonNode config = node.path("data").path("config");
        if (!config.isObject()) {
            return;
        }
        ObjectNode values = (ObjectNode) config;
        for (String key : List.of("temperature", "llm_temperature")) {
            if (values.path(key).isNumber()) {
                values.put(
                        key,
                        java.math.BigDecimal.valueOf(values.get(key).doubleValue())
                                .toPlainString());
            }
        }
        if ("boolean".equals(values.path("value_type").asText())
                && values.path("variable_value").isBoolean()) {
            values.put("variable_value", values.get("variable_value").booleanValue() ? "t" : "f");
        }
    }

    /**
     * Replace semantics: a given {@code nodes} list is the complete set (omitted nodes are deleted); the
     * same for {@code edges}; an omitted list is left as it is. Edge ids survive when source and label
     * stay; condition ids survive when the label stays.
     */
    synchronized void applyDefinition(String id, JsonNode input) {
        ObjectNode stored = definitions.get(id);
        if (input.has("nodes")) {
            Map<String, JsonNode> previous =
                    byKey(stored.path("nodes"), n -> n.path("id").asText());
            ArrayNode nodes = Json.array();
            input.path("nodes")
                    .forEach(node -> nodes.add(
                            storeNode(node, previous.get(node.path("id").asText()))));
            stored.set("nodes", nodes);
        }
        if (input.has("edges")) {
            Map<String, JsonNode> previous = byKey(stored.path("edges"), EmulatorState::edgeKey);
            ArrayNode edges = Json.array();
            input.path("edges").forEach(edge -> {
                ObjectNode out = Json.object();
                JsonNode before = previous.get(edgeKey(edge));
                out.put(
                        "id",
                        before != null
                                ? before.path("id").asText()
                                : UUID.randomUUID().toString());
                out.set("source", edge.path("source"));
                out.set("target", edge.path("target"));
                out.put("label", edge.path("label").asText("next"));
                out.put("type", "default");
                out.set("flow_condition_id", conditionId(stored, edge));
                edges.add(out);
            });
            stored.set("edges", edges);
        }
    }

    private static String edgeKey(JsonNode edge) {
        return edge.path("source").asText() + "\n" + edge.path("label").asText("next");
    }

    private static JsonNode conditionId(ObjectNode definition, JsonNode edge) {
        for (JsonNode node : definition.path("nodes")) {
            if (node.path("id").asText().equals(edge.path("source").asText())) {
                for (JsonNode condition : node.path("data").path("config").path("conditions")) {
                    if (condition
                            .path("label")
                            .asText()
                            .equals(edge.path("label").asText("next"))) {
                        return condition.path("id");
                    }
                }
            }
        }
        return Json.valueOf(null);
    }

    /**
     * Why Kapso would refuse a definition's references, if it would: a function, workflow or provider
     * model that does not exist in the project.
     */
    synchronized Optional<String> referenceProblem(JsonNode definition) {
        for (JsonNode node : definition.path("nodes")) {
            JsonNode config = node.path("data").path("config");
            List<JsonNode> functionRefs = new ArrayList<>();
            functionRefs.add(config.path("function_id"));
            config.path("flow_agent_function_tools").forEach(tool -> functionRefs.add(tool.path("function_id")));
            for (JsonNode ref : functionRefs) {
                if (ref.isTextual() && functions.name(ref.textValue()).isEmpty()) {
                    return Optional.of("Function " + ref.textValue() + " not found (node " + node.path("id") + ")");
                }
            }
            JsonNode workflowRef = config.path("workflow_id");
            if (workflowRef.isTextual() && !workflows.containsKey(workflowRef.textValue())) {
                return Optional.of("Workflow " + workflowRef.textValue() + " not found (node " + node.path("id") + ")");
            }
            for (String key : List.of("provider_model_id", "provider_model_name")) {
                JsonNode model = config.path(key);
                if (model.isTextual()
                        && whatsapp.providerModel(model.textValue()).isEmpty()) {
                    return Optional.of(
                            "Provider model " + model.textValue() + " not found (node " + node.path("id") + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** Fills the companions Kapso returns next to a reference: names beside ids, the id of a named model. */
    private void fillReferenceNames(ObjectNode config) {
        nameFunction(config);
        config.path("flow_agent_function_tools").forEach(tool -> nameFunction((ObjectNode) tool));
        JsonNode workflowRef = config.path("workflow_id");
        if (workflowRef.isTextual()) {
            config.put(
                    "workflow_name",
                    workflows.get(workflowRef.textValue()).path("name").asText());
        }
        String model = config.path("provider_model_id").isTextual()
                ? config.get("provider_model_id").textValue()
                : config.path("provider_model_name").asText(null);
        if (model != null) {
            whatsapp.providerModel(model).ifPresent(found -> {
                config.set("provider_model_id", found.get("id"));
                config.set("provider_model_name", found.get("name"));
            });
        }
    }

    private void nameFunction(ObjectNode holder) {
        JsonNode functionRef = holder.path("function_id");
        if (functionRef.isTextual()) {
            holder.put("function_name", functions.name(functionRef.textValue()).orElse(null));
        }
    }

    private ObjectNode storeNode(JsonNode node, JsonNode previous) {
        JsonNode data = node.path("data");
        String type = data.path("node_type").asText("start");
        if (NodeTypes.config(type).isEmpty()) {
            type = "start"; // Kapso stores an unknown node type as a start-like step
        }
        ObjectNode config =
                data.path("config").isObject() ? ((ObjectNode) data.path("config")).deepCopy() : Json.object();
        fillReferenceNames(config);
        // every known key comes back, null when unset; ai_field_config as {}
        for (FieldShape field :
                RecordShape.of(NodeTypes.config(type).orElseThrow()).fields().values()) {
            if (!config.has(field.wireName()) && !SOURCE_ONLY_KEYS.contains(field.wireName())) {
                config.set(
                        field.wireName(),
                        field.wireName().equals("ai_field_config") ? Json.object() : Json.valueOf(null));
            }
        }
        if (type.equals(WebhookConfig.TYPE)) {
            for (String key : List.of("headers", "body_template")) {
                if (config.path(key).isContainerNode()) {
                    config.put(key, Json.compact(config.get(key)));
                }
            }
        }
        if (config.path("conditions").isArray()) {
            Map<String, JsonNode> before = previous == null
                    ? Map.of()
                    : byKey(
                            previous.path("data").path("config").path("conditions"),
                            c -> c.path("label").asText());
            for (JsonNode condition : config.path("conditions")) {
                JsonNode old = before.get(condition.path("label").asText());
                String id = condition.path("id").isTextual()
                        ? condition.get("id").textValue()
                        : old != null
                                ? old.path("id").asText()
                                : UUID.randomUUID().toString();
                ((ObjectNode) condition).put("id", id);
            }
        }
        ObjectNode outData = Json.object().put("node_type", type);
        outData.set("config", config);
        String displayName = data.path("display_name").isTextual()
                ? data.path("display_name").textValue()
                : ComputedLabels.compute(
                        type, config, config.path("function_name").asText(null));
        outData.put("display_name", displayName);
        ObjectNode out = Json.object();
        out.set("id", node.path("id"));
        out.put("type", "flow-node");
        out.set(
                "position",
                node.path("position").isObject()
                        ? node.get("position")
                        : Json.object().put("x", 0).put("y", 0));
        out.set("data", outData);
        return out;
    }

    private static Map<String, JsonNode> byKey(JsonNode items, java.util.function.Function<JsonNode, String> key) {
        Map<String, JsonNode> map = new HashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    synchronized List<ObjectNode> triggers(String workflowId) {
        return triggers.values().stream()
                .filter(t -> t.path("workflow_id").asText().equals(workflowId))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    synchronized Optional<ObjectNode> trigger(String id) {
        return Optional.ofNullable(triggers.get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * Why {@code trigger} cannot be active: another workflow holds an active inbound trigger on its number
     * (Kapso's docs: one workflow per number). Empty when it can.
     */
    synchronized Optional<String> inboundConflict(ObjectNode trigger) {
        String number = trigger.path("triggerable").path("phone_number_id").asText("");
        if (!trigger.path("trigger_type").asText().equals("inbound_message")
                || !trigger.path("active").asBoolean(true)
                || number.isEmpty()) {
            return Optional.empty();
        }
        String workflow = trigger.path("workflow_id").asText();
        return triggers.values().stream()
                .filter(t -> !t.path("workflow_id").asText().equals(workflow)
                        && t.path("trigger_type").asText().equals("inbound_message")
                        && t.path("active").asBoolean(true)
                        && number.equals(
                                t.path("triggerable").path("phone_number_id").asText()))
                .findFirst()
                .map(t -> "Phone number " + number + " already has an active WhatsApp trigger in workflow "
                        + t.path("workflow_id").asText());
    }

    synchronized ObjectNode addTrigger(ObjectNode trigger) {
        triggers.put(trigger.path("id").asText(), trigger);
        return trigger.deepCopy();
    }

    /** Deletes a workflow's triggers and stores the new set: callers validate all of it first. */
    synchronized List<ObjectNode> replaceTriggers(String workflowId, List<ObjectNode> replacement) {
        triggers.values().removeIf(t -> t.path("workflow_id").asText().equals(workflowId));
        replacement.forEach(t -> triggers.put(t.path("id").asText(), t));
        return replacement.stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized boolean removeTrigger(String id) {
        return triggers.remove(id) != null;
    }
}
