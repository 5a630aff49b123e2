package io.kapsocode.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.NodeTypes;
import io.kapsocode.codec.ReadScope;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.codec.RecordShape;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowSettings;
import io.kapsocode.model.node.Condition;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.RawConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.trigger.Trigger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads this tool's workflow YAML: one file per workflow, nodes keyed by id, a node's {@code next} on
 * the node, decide branches as {@code label: target}, triggers and metadata in the same file. Every
 * mistake of a file is reported at once, each at its line and column.
 *
 * <pre>{@code
 * slug: order-status
 * name: Order status
 * triggers:
 *   - type: inbound_message
 *     phone_number_id: "1234567890"
 * nodes:
 *   start:
 *     next: greet
 *   greet:
 *     type: send_text
 *     message: Hi! Send me your order number.
 * }</pre>
 */
public final class WorkflowYamlReader {

    /** Top-level keys besides the header's. */
    private static final List<String> SECTIONS = List.of("triggers", "nodes", "edges", "$schema");

    static final String RAW = "raw";

    private WorkflowYamlReader() {}

    /**
     * Reads one workflow file.
     *
     * @param file the name diagnostics show, relative to the project where possible
     * @param text the file's content
     * @param diagnostics where every problem goes
     * @return the workflow, or empty when the file cannot be read as one
     */
    public static Optional<Workflow> read(String file, String text, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file,
                text,
                SourceFormat.YAML,
                "a workflow file must be a mapping with slug, name, triggers and nodes",
                diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SourceDocument document = parsed.get();
        ObjectNode root = (ObjectNode) document.root();
        String fallbackSlug = fileStem(file);
        SourceMap.Builder sourceMap = new SourceMap.Builder(file);
        sourceMap.put("", document.at(""));
        String slug = root.path("slug").isTextual() ? root.get("slug").textValue() : fallbackSlug;
        ReadScope scope = new ReadScope(document, diagnostics, sourceMap, "workflow '" + slug + "'", true);

        // only the top-level scalars: copying the whole document would copy every node
        ObjectNode headerJson = io.kapsocode.json.Json.object();
        root.properties().stream()
                .filter(member -> !SECTIONS.contains(member.getKey()))
                .forEach(member -> headerJson.set(member.getKey(), member.getValue()));
        YamlWorkflowHeader header = RecordCodec.read(
                        YamlWorkflowHeader.class, headerJson, "", "", "workflow '" + slug + "'", SECTIONS, scope)
                .value();
        for (String key : List.of("slug", "name", "description", "status", "settings", "triggers", "nodes", "edges")) {
            if (root.has(key)) {
                sourceMap.put(key, document.keyAt("/" + key));
            }
        }

        List<Trigger> triggers = readTriggers(root.get("triggers"), scope);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        readNodes(root.get("nodes"), scope, nodes, edges);
        readEdges(root.get("edges"), scope, edges);

        return Optional.of(new Workflow(
                header.slug() != null ? header.slug() : fallbackSlug,
                header.name(),
                header.description(),
                header.status(),
                header.settings() != null ? header.settings() : WorkflowSettings.DEFAULTS,
                triggers,
                nodes,
                edges,
                sourceMap.build()));
    }

    private static List<Trigger> readTriggers(JsonNode json, ReadScope scope) {
        List<Trigger> triggers = new ArrayList<>();
        if (json == null || json.isNull()) {
            return triggers;
        }
        if (!json.isArray()) {
            scope.error("wrong_type", "'triggers' must be a list of triggers", "triggers", "/triggers");
            return triggers;
        }
        for (int i = 0; i < json.size(); i++) {
            String pointer = "/triggers/" + i;
            String path = "triggers." + i;
            scope.sourceMap().put(path, scope.at(pointer));
            JsonNode item = json.get(i);
            if (!item.isObject()) {
                scope.error("wrong_type", "trigger " + i + " must be a mapping with a 'type'", path, pointer);
                continue;
            }
            JsonNode type = item.get("type");
            List<String> types = NodeTypes.triggerTypeNames();
            if (type == null || !type.isTextual()) {
                scope.error(
                        "missing_required_field",
                        "trigger " + i + " needs a 'type': one of " + String.join(", ", types),
                        path,
                        pointer);
                continue;
            }
            Optional<Class<? extends Trigger>> triggerClass = NodeTypes.trigger(type.textValue());
            if (triggerClass.isEmpty()) {
                scope.error(
                        "unknown_trigger_type",
                        "unknown trigger type '" + type.textValue() + "'"
                                + Suggestions.didYouMean(type.textValue(), types) + "; use one of "
                                + String.join(", ", types),
                        path + ".type",
                        pointer + "/type");
                continue;
            }
            ObjectNode fields = item.deepCopy();
            fields.remove("type");
            triggers.add(RecordCodec.read(
                            triggerClass.get(),
                            fields,
                            pointer,
                            path,
                            type.textValue() + " trigger " + i,
                            List.of("type"),
                            scope)
                    .value());
        }
        return triggers;
    }

    private static void readNodes(JsonNode json, ReadScope scope, List<Node> nodes, List<Edge> edges) {
        if (json == null || json.isNull()) {
            return;
        }
        if (!json.isObject()) {
            scope.error("wrong_type", "'nodes' must be a mapping of node id to node", "nodes", "/nodes");
            return;
        }
        // a key of a node dedented by mistake reads as a node of its own: it is given back to the node
        // above it with one diagnostic, instead of the half dozen its absence would cause
        Map<String, JsonNode> entries = new java.util.LinkedHashMap<>();
        String previous = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode above = previous == null ? null : entries.get(previous);
            if (entry.getValue().isValueNode()
                    && !entry.getValue().isNull()
                    && above instanceof ObjectNode node
                    && !node.has(entry.getKey())
                    && keysOf(node).contains(entry.getKey())) {
                scope.errorAtKey(
                        "wrong_indentation",
                        "'" + entry.getKey() + "' is indented like a node id, but it is a key of node '" + previous
                                + "' above it; indent it under '" + previous + "'",
                        "nodes." + previous + "." + entry.getKey(),
                        "/nodes/" + SourceDocument.escape(entry.getKey()));
                node.set(entry.getKey(), entry.getValue());
                continue;
            }
            entries.put(
                    entry.getKey(),
                    entry.getValue().isObject() ? entry.getValue().deepCopy() : entry.getValue());
            previous = entry.getKey();
        }
        entries.forEach((id, node) -> readNode(id, node, scope, nodes, edges));
    }

    /** The keys a node of this YAML's type may have. */
    private static java.util.Set<String> keysOf(ObjectNode node) {
        java.util.Set<String> keys = new java.util.HashSet<>(YamlNodeHeader.KEYS);
        NodeTypes.config(node.path("type").asText(""))
                .ifPresent(c -> keys.addAll(RecordShape.of(c).keys()));
        return keys;
    }

    private static void readNode(String id, JsonNode json, ReadScope scope, List<Node> nodes, List<Edge> edges) {
        String pointer = "/nodes/" + SourceDocument.escape(id);
        String path = "nodes." + id;
        scope.locate(path, pointer);
        if (json == null || json.isNull()) {
            json = io.kapsocode.json.Json.object();
        }
        if (!json.isObject()) {
            scope.error("wrong_type", "node '" + id + "' must be a mapping with a 'type'", path, pointer);
            return;
        }
        ObjectNode headerJson = io.kapsocode.json.Json.object();
        ObjectNode configJson = io.kapsocode.json.Json.object();
        json.fields()
                .forEachRemaining(member -> (YamlNodeHeader.KEYS.contains(member.getKey()) ? headerJson : configJson)
                        .set(member.getKey(), member.getValue()));
        YamlNodeHeader header = RecordCodec.read(
                        YamlNodeHeader.class, headerJson, pointer, path, "node '" + id + "'", List.of(), scope)
                .value();

        String type = header.type() != null ? header.type() : ("start".equals(id) ? StartConfig.TYPE : null);
        List<String> typeNames = new ArrayList<>(NodeTypes.nodeTypeNames());
        typeNames.add(RAW);
        if (type == null) {
            if (!headerJson.has("type")) {
                scope.error(
                        "missing_required_field",
                        "node '" + id + "' needs a 'type': one of " + String.join(", ", typeNames),
                        path,
                        pointer);
            }
            return;
        }
        NodeConfig config;
        ObjectNode extraConfig = header.rawConfig();
        if (RAW.equals(type)) {
            if (header.nodeType() == null) {
                scope.error(
                        "missing_required_field",
                        "raw node '" + id + "' needs 'node_type', the Kapso node type it passes through",
                        path,
                        pointer);
                return;
            }
            reportStray(
                    configJson,
                    pointer,
                    path,
                    "raw node '" + id + "'",
                    List.of("node_type", "config", "raw_config", "suppress"),
                    scope);
            config = new RawConfig(header.nodeType(), header.config());
        } else {
            Optional<Class<? extends NodeConfig>> configClass = NodeTypes.config(type);
            if (configClass.isEmpty()) {
                scope.error(
                        "unknown_node_type",
                        "unknown node type '" + type + "' of node '" + id + "'"
                                + Suggestions.didYouMean(type, typeNames) + "; use one of "
                                + String.join(", ", typeNames),
                        path + ".type",
                        pointer + "/type");
                return;
            }
            for (String rawOnly : List.of("node_type", "config")) {
                if (headerJson.has(rawOnly)) {
                    scope.errorAtKey(
                            "unknown_key",
                            "'" + rawOnly + "' belongs to raw nodes only; write the config keys of node '" + id
                                    + "' directly on the node",
                            path + "." + rawOnly,
                            pointer + "/" + rawOnly);
                }
            }
            String owner = type + " node '" + id + "'";
            boolean decide = DecideConfig.TYPE.equals(type);
            if (!decide && headerJson.has("branches")) {
                scope.errorAtKey(
                        "unknown_key",
                        "'branches' belongs to decide nodes; " + owner + " continues with 'next'",
                        path + ".branches",
                        pointer + "/branches");
            }
            List<String> siblings = decide
                    ? List.of("type", "display_name", "position", "branches", "raw_config", "suppress")
                    : List.of("type", "display_name", "position", "next", "raw_config", "suppress");
            config = RecordCodec.read(configClass.get(), configJson, pointer, path, owner, siblings, scope)
                    .value();
            if (decide && header.branches() != null) {
                config = withBranches(id, (DecideConfig) config, header.branches(), pointer, path, scope, edges);
            }
        }
        if (header.next() != null) {
            Edge edge = Edge.next(id, header.next());
            scope.sourceMap().put(edge.path(), scope.at(pointer + "/next"));
            edges.add(edge);
        }
        nodes.add(new Node(
                id,
                config,
                header.displayName(),
                header.position(),
                extraConfig,
                suppressions(header.suppress(), pointer, path, scope)));
    }

    /** {@code suppress: {code: reason}}; a suppression without a reason is refused. */
    private static Map<String, String> suppressions(ObjectNode suppress, String pointer, String path, ReadScope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        if (suppress == null) {
            return out;
        }
        suppress.properties().forEach(entry -> {
            JsonNode reason = entry.getValue();
            String keyPointer = pointer + "/suppress/" + SourceDocument.escape(entry.getKey());
            scope.locate(path + ".suppress." + entry.getKey(), keyPointer);
            if (reason.isTextual() && !reason.textValue().isBlank()) {
                out.put(entry.getKey(), reason.textValue());
            } else {
                scope.error(
                        "wrong_type",
                        "suppressing '" + entry.getKey() + "' needs a reason: write it as the value, such as '"
                                + entry.getKey() + ": the customer may stop here'",
                        path + ".suppress." + entry.getKey(),
                        keyPointer);
            }
        });
        return out;
    }

    private static DecideConfig withBranches(
            String id,
            DecideConfig config,
            JsonNode branches,
            String pointer,
            String path,
            ReadScope scope,
            List<Edge> edges) {
        String branchesPointer = pointer + "/branches";
        if (!config.conditions().isEmpty()) {
            scope.errorAtKey(
                    "conflicting_keys",
                    "decide node '" + id + "' has both 'branches' and 'conditions'; keep 'branches'",
                    path + ".conditions",
                    pointer + "/conditions");
        }
        if (!branches.isObject()) {
            scope.error(
                    "wrong_type",
                    "'branches' of decide node '" + id + "' must be a mapping of label to target node",
                    path + ".branches",
                    branchesPointer);
            return config;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = branches.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> branch = it.next();
            String label = branch.getKey();
            String branchPointer = branchesPointer + "/" + SourceDocument.escape(label);
            String branchPath = path + ".branches." + label;
            scope.locate(branchPath, branchPointer);
            String target = null;
            String description = null;
            if (branch.getValue().isTextual()) {
                target = branch.getValue().textValue();
            } else if (branch.getValue().isObject()) {
                YamlBranch longForm = RecordCodec.read(
                                YamlBranch.class,
                                (ObjectNode) branch.getValue(),
                                branchPointer,
                                branchPath,
                                "branch '" + label + "' of decide node '" + id + "'",
                                List.of(),
                                scope)
                        .value();
                target = longForm.next();
                description = longForm.description();
            } else if (!branch.getValue().isNull()) {
                scope.error(
                        "wrong_type",
                        "branch '" + label + "' of decide node '" + id
                                + "' must be a target node id, or a mapping with 'next' and 'description'",
                        branchPath,
                        branchPointer);
                continue;
            }
            conditions.add(new Condition(label, description));
            if (target != null) {
                Edge edge = new Edge(id, target, label);
                scope.sourceMap().put(edge.path(), scope.keyAt(branchPointer));
                edges.add(edge);
            }
        }
        return new DecideConfig(
                config.decisionType(),
                conditions,
                config.providerModelName(),
                config.providerModelId(),
                config.llmTemperature(),
                config.llmMaxTokens(),
                config.llmConfiguration(),
                config.functionSlug(),
                config.functionId(),
                config.functionName());
    }

    private static void readEdges(JsonNode json, ReadScope scope, List<Edge> edges) {
        if (json == null || json.isNull()) {
            return;
        }
        if (!json.isArray()) {
            scope.error("wrong_type", "'edges' must be a list of {source, target, label}", "edges", "/edges");
            return;
        }
        for (int i = 0; i < json.size(); i++) {
            String pointer = "/edges/" + i;
            JsonNode item = json.get(i);
            if (!item.isObject()) {
                scope.error(
                        "wrong_type",
                        "edge " + i + " must be a mapping with source, target and label",
                        "edges." + i,
                        pointer);
                continue;
            }
            YamlEdge edge = RecordCodec.read(
                            YamlEdge.class, (ObjectNode) item, pointer, "edges." + i, "edge " + i, List.of(), scope)
                    .value();
            if (edge.source() == null || edge.target() == null) {
                scope.error(
                        "missing_required_field",
                        "edge " + i + " needs both 'source' and 'target'",
                        "edges." + i,
                        pointer);
                continue;
            }
            Edge model = new Edge(edge.source(), edge.target(), edge.label());
            scope.sourceMap().put(model.path(), scope.at(pointer));
            edges.add(model);
        }
    }

    private static void reportStray(
            ObjectNode json, String pointer, String path, String owner, List<String> valid, ReadScope scope) {
        json.fieldNames()
                .forEachRemaining(key -> scope.errorAtKey(
                        "unknown_key",
                        "unknown key '" + key + "' in " + owner + Suggestions.didYouMean(key, valid)
                                + "; a raw node holds its Kapso config under 'config'",
                        path + "." + key,
                        pointer + "/" + SourceDocument.escape(key)));
    }

    static String fileStem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** An entry of the optional {@code edges} list, for edges the node-level keys cannot express. */
    record YamlEdge(String source, String target, String label) {}
}
