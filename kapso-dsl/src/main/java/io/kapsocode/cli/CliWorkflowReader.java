package io.kapsocode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.NodeTypes;
import io.kapsocode.codec.ReadScope;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.Position;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowSettings;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.RawConfig;
import io.kapsocode.model.trigger.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a workflow as Kapso's CLI keeps it: {@code workflows/<slug>/workflow.yaml} and the
 * {@code definition.json} beside it, exactly as {@code kapso pull} writes them. Keys and values this
 * tool does not model are kept and written back unchanged; Kapso's read-only fields (edge ids,
 * condition ids, {@code *_name} companions) are dropped, as the CLI's own sources omit them.
 */
public final class CliWorkflowReader {

    private static final Set<String> EDGE_KEYS = Set.of("source", "target", "label");
    private static final Set<String> REMOTE_EDGE_KEYS = Set.of("id", "type", "flow_condition_id");

    private CliWorkflowReader() {}

    /** Reads {@code workflow.yaml}; the definition file it names is read by {@link #readDefinition}. */
    public static Optional<Metadata> readMetadata(String file, String text, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file,
                text,
                SourceFormat.YAML,
                "workflow.yaml must be a mapping with name, slug and triggers",
                diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SourceDocument document = parsed.get();
        ObjectNode root = (ObjectNode) document.root();
        String folder = SourceDocument.folderName(file, "workflow");
        String slugGuess = root.path("slug").isTextual() ? root.get("slug").textValue() : folder;
        SourceMap.Builder sourceMap = new SourceMap.Builder(file);
        ReadScope scope = new ReadScope(document, diagnostics, sourceMap, "workflow '" + slugGuess + "'", true);
        CliWorkflowYaml yaml = RecordCodec.readKnownKeys(
                CliWorkflowYaml.class, root, "", "", "workflow.yaml", List.of("triggers"), scope);
        root.fieldNames().forEachRemaining(key -> sourceMap.put(key, document.keyAt("/" + key)));

        List<Trigger> triggers = new ArrayList<>();
        JsonNode items = root.get("triggers");
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                scope.error("wrong_type", "'triggers' must be a list", "triggers", "/triggers");
            } else {
                for (int i = 0; i < items.size(); i++) {
                    readTrigger(items.get(i), i, scope).ifPresent(triggers::add);
                }
            }
        }
        return Optional.of(new Metadata(yaml, triggers, sourceMap, slugGuess));
    }

    private static Optional<Trigger> readTrigger(JsonNode item, int index, ReadScope scope) {
        String pointer = "/triggers/" + index;
        String path = "triggers." + index;
        scope.sourceMap().put(path, scope.at(pointer));
        if (!item.isObject()) {
            scope.error("wrong_type", "trigger " + index + " must be a mapping with 'triggerType'", path, pointer);
            return Optional.empty();
        }
        ObjectNode api = CliTrigger.toApiForm((ObjectNode) item);
        String type = api.path("trigger_type").asText(null);
        Optional<Class<? extends Trigger>> triggerClass = type == null ? Optional.empty() : NodeTypes.trigger(type);
        if (triggerClass.isEmpty()) {
            scope.error(
                    "unknown_trigger_type",
                    "trigger " + index + " has "
                            + (type == null ? "no 'triggerType'" : "unknown triggerType '" + type + "'")
                            + "; use one of " + String.join(", ", NodeTypes.triggerTypeNames()),
                    path,
                    pointer);
            return Optional.empty();
        }
        return Optional.of(RecordCodec.readKnownKeys(
                triggerClass.get(), api, pointer, path, type + " trigger " + index, List.of("trigger_type"), scope));
    }

    /**
     * Reads {@code definition.json} and joins it with the metadata into a workflow.
     *
     * @param file the definition file, as diagnostics show it
     */
    public static Optional<Workflow> readDefinition(
            Metadata metadata, String file, String text, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file,
                text,
                SourceFormat.JSON,
                "definition.json must be an object with 'nodes' and 'edges'",
                diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SourceDocument document = parsed.get();
        String slug = metadata.yaml().slug() != null ? metadata.yaml().slug() : metadata.slugGuess();
        // one map for both files: each location names its own file
        SourceMap.Builder sourceMap = metadata.sourceMap();
        ReadScope scope = new ReadScope(document, diagnostics, sourceMap, "workflow '" + slug + "'", false);
        JsonNode root = document.root();
        List<Node> nodes = new ArrayList<>();
        JsonNode nodeItems = list(root, "nodes", scope);
        for (int i = 0; i < nodeItems.size(); i++) {
            readNode(nodeItems.get(i), i, "/nodes/" + i, scope).ifPresent(nodes::add);
        }
        List<Edge> edges = new ArrayList<>();
        JsonNode edgeItems = list(root, "edges", scope);
        for (int i = 0; i < edgeItems.size(); i++) {
            JsonNode item = edgeItems.get(i);
            String pointer = "/edges/" + i;
            if (!item.path("source").isTextual() || !item.path("target").isTextual()) {
                scope.error(
                        "missing_required_field",
                        "edge " + i + " needs a string 'source' and 'target'",
                        "edges." + i,
                        pointer);
                continue;
            }
            JsonNode label = item.get("label");
            Edge edge = new Edge(
                    item.get("source").textValue(),
                    item.get("target").textValue(),
                    label != null && label.isTextual() ? label.textValue() : null);
            sourceMap.put(edge.path(), document.at(pointer));
            edges.add(edge);
            for (java.util.Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!EDGE_KEYS.contains(key) && !REMOTE_EDGE_KEYS.contains(key)) {
                    scope.warning(
                            "unknown_key",
                            "unknown key '" + key + "' on edge " + i + " is ignored",
                            "edges." + i,
                            pointer + "/" + SourceDocument.escape(key));
                }
            }
        }
        CliWorkflowYaml yaml = metadata.yaml();
        return Optional.of(new Workflow(
                slug,
                yaml.name(),
                yaml.description(),
                yaml.status(),
                new WorkflowSettings(yaml.messageDebounceSeconds(), yaml.inboundMessageReadMode()),
                metadata.triggers(),
                nodes,
                edges,
                sourceMap.build()));
    }

    /** {@code nodes} or {@code edges}: a list, or reported and read as empty. */
    private static JsonNode list(JsonNode root, String key, ReadScope scope) {
        JsonNode items = root.path(key);
        if (items.isArray() || items.isMissingNode()) {
            return items;
        }
        scope.error(
                "invalid_value",
                "'" + key + "' must be a list in definition.json, not "
                        + items.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                key,
                "/" + key);
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Optional<Node> readNode(JsonNode json, int index, String pointer, ReadScope scope) {
        if (!json.isObject() || !json.path("id").isTextual()) {
            scope.error("missing_required_field", "every node needs a string 'id'", "nodes", pointer);
            return Optional.empty();
        }
        String id = json.get("id").textValue();
        String path = "nodes." + id;
        scope.sourceMap().put(path, scope.at(pointer));
        JsonNode data = json.path("data");
        String nodeType = data.path("node_type").asText("");
        if (nodeType.isEmpty()) {
            scope.error(
                    "missing_required_field",
                    "node '" + id + "' has no data.node_type; Kapso would store it as a start node. Set its type",
                    path,
                    pointer);
            return Optional.empty();
        }
        JsonNode configJson = data.path("config");
        ObjectNode config = configJson.isObject() ? (ObjectNode) configJson : io.kapsocode.json.Json.object();
        String configPointer = pointer + "/data/config";
        Optional<Class<? extends NodeConfig>> configClass = NodeTypes.config(nodeType);
        NodeConfig typed;
        ObjectNode extras;
        if (configClass.isEmpty()) {
            typed = new RawConfig(nodeType, config);
            extras = null;
        } else {
            RecordCodec.Read<? extends NodeConfig> read = RecordCodec.read(
                    configClass.get(), config, configPointer, path, nodeType + " node '" + id + "'", List.of(), scope);
            typed = read.value();
            extras = read.extras();
        }
        Position position = null;
        JsonNode xy = json.path("position");
        // a position a tool filled in is no author's layout: it reads as unset, and compiles back the same
        if (xy.path("x").isNumber()
                && xy.path("y").isNumber()
                && !WorkflowCompiler.isComputedPosition(
                        xy.get("x").doubleValue(), xy.get("y").doubleValue(), nodeType.equals("start"), index)) {
            position = new Position(xy.get("x").doubleValue(), xy.get("y").doubleValue());
        }
        JsonNode displayName = data.get("display_name");
        return Optional.of(new Node(
                id,
                typed,
                displayName != null && displayName.isTextual() ? displayName.textValue() : null,
                position,
                extras));
    }

    /**
     * A read {@code workflow.yaml}, waiting for its definition.
     *
     * @param yaml the metadata keys
     * @param triggers the triggers
     * @param sourceMap locations inside {@code workflow.yaml}
     * @param slugGuess the slug, or the folder name when the file has none
     */
    public record Metadata(
            CliWorkflowYaml yaml, List<Trigger> triggers, SourceMap.Builder sourceMap, String slugGuess) {

        /** The definition file it names, relative to its folder; {@code definition.json} by default. */
        public String definitionFile() {
            return yaml.definition() != null ? yaml.definition() : "definition.json";
        }
    }
}
