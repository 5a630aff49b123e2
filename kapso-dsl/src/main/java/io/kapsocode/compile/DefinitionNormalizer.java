package io.kapsocode.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.FieldShape;
import io.kapsocode.codec.NodeTypes;
import io.kapsocode.codec.RecordShape;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.model.Edge;
import io.kapsocode.model.KapsoValues;
import io.kapsocode.model.node.SetVariableConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.node.WaitForResponseConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reduces a definition to its meaning, so that two definitions that mean the same are equal JSON
 * whoever wrote them (this compiler, {@code kapso pull}, the dashboard, GET /definition):
 *
 * <ul>
 *   <li>remote-generated and read-only keys are dropped (edge {@code id}, {@code type},
 *       {@code flow_condition_id}; condition and tool ids; {@code *_name} companions of ids; the
 *       legacy {@code header_config}/{@code action_config}; the node {@code type});
 *   <li>a config key set to {@code null}, {@code {}} or {@code []} is the same as an absent one (inside
 *       free-form values such as webhook bodies, {@code null} keeps its meaning);
 *   <li>webhook {@code headers} and {@code body_template} given as JSON strings are parsed;
 *   <li>display names Kapso computes ({@link ComputedLabels}) are dropped: they are no author's choice;
 *   <li>defaults Kapso fills in are dropped ({@code delay_seconds: 0}, {@code has_timeout: false},
 *       {@code decision_type: ai}, webhook {@code method: POST});
 *   <li>keys are sorted, numbers have one form, nodes are ordered start first then by id, edges by
 *       source, label and target; an edge without a label is {@code next}.
 * </ul>
 */
public final class DefinitionNormalizer {

    private static final Map<String, Map<String, JsonNode>> DEFAULTS = Map.of(
            "send_text",
            Map.of("delay_seconds", Json.valueOf(0)),
            WaitForResponseConfig.TYPE,
            Map.of("has_timeout", Json.valueOf(false)),
            "decide",
            Map.of("decision_type", Json.valueOf("ai")),
            "webhook",
            Map.of("method", Json.valueOf("POST")));

    private DefinitionNormalizer() {}

    public static ObjectNode normalize(JsonNode definition) {
        List<ObjectNode> nodes = new ArrayList<>();
        definition.path("nodes").forEach(node -> nodes.add(node(node)));
        nodes.sort(Comparator.comparing(
                        (ObjectNode n) -> !StartConfig.ID.equals(n.path("id").asText()))
                .thenComparing(n -> n.path("id").asText()));
        List<ObjectNode> edges = new ArrayList<>();
        definition.path("edges").forEach(edge -> edges.add(edge(edge)));
        edges.sort(Comparator.comparing((ObjectNode e) -> e.path("source").asText())
                .thenComparing(e -> e.path("label").asText())
                .thenComparing(e -> e.path("target").asText()));
        ObjectNode out = Json.object();
        out.set("nodes", Json.array().addAll(nodes));
        out.set("edges", Json.array().addAll(edges));
        return (ObjectNode) CanonicalJson.canonicalize(out);
    }

    /** One node's normalized config, for comparing a single node. */
    public static ObjectNode config(String nodeType, JsonNode config) {
        ObjectNode normalized = object(config, NodeTypes.config(nodeType).map(RecordShape::of));
        if (WaitForResponseConfig.TYPE.equals(nodeType)) {
            if (normalized.has("timeout_seconds") && !normalized.has("has_timeout")) {
                normalized.put("has_timeout", true);
            } else if (normalized.path("has_timeout").equals(Json.valueOf(false))) {
                normalized.remove("timeout_seconds"); // a timeout left behind when it was switched off
            }
        }
        if (SetVariableConfig.TYPE.equals(nodeType) && normalized.has("variable_value")) {
            normalized.set(
                    "variable_value",
                    KapsoValues.typed(
                            normalized.get("variable_value"),
                            normalized.path("value_type").asText(null)));
        }
        DEFAULTS.getOrDefault(nodeType, Map.of()).forEach((key, value) -> {
            if (value.equals(CanonicalJson.canonicalize(normalized.get(key)))) {
                normalized.remove(key);
            }
        });
        return normalized;
    }

    private static ObjectNode node(JsonNode node) {
        ObjectNode out = Json.object();
        out.set("id", node.path("id").deepCopy());
        if (node.path("position").isObject()) {
            out.set("position", node.get("position").deepCopy());
        }
        JsonNode data = node.path("data");
        String nodeType = data.path("node_type").asText(StartConfig.TYPE);
        ObjectNode outData = Json.object();
        outData.put("node_type", nodeType);
        ObjectNode config = config(nodeType, data.path("config"));
        JsonNode displayName = data.path("display_name");
        if (displayName.isTextual() && !ComputedLabels.isComputed(nodeType, config, displayName.textValue())) {
            outData.set("display_name", displayName);
        }
        outData.set("config", config);
        out.set("data", outData);
        return out;
    }

    private static ObjectNode edge(JsonNode edge) {
        ObjectNode out = Json.object();
        out.set("source", edge.path("source").deepCopy());
        out.set("target", edge.path("target").deepCopy());
        JsonNode label = edge.path("label");
        out.put("label", label.isTextual() ? label.textValue() : Edge.NEXT);
        return out;
    }

    private static ObjectNode object(JsonNode json, Optional<RecordShape> shape) {
        ObjectNode out = Json.object();
        if (!json.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String key = member.getKey();
            if (shape.isPresent() && shape.get().readOnlyKeys().contains(key)) {
                continue;
            }
            FieldShape field = shape.map(s -> s.fields().get(key)).orElse(null);
            JsonNode value = value(member.getValue(), field);
            if (!isUnset(value)) {
                out.set(key, value);
            }
        }
        if (out.has("function_slug") || out.has("function_id")) {
            out.remove("function_name"); // Kapso's companion of the reference, not a reference itself
        }
        return out;
    }

    private static JsonNode value(JsonNode value, FieldShape field) {
        JsonNode given = value;
        Optional<JsonNode> scalar = Optional.ofNullable(field).flatMap(f -> scalar(given, f));
        if (scalar.isPresent()) {
            return scalar.get();
        }
        if (field != null && field.jsonStringAccepted() && value.isTextual()) {
            value = Json.tryParse(value.textValue())
                    .filter(JsonNode::isContainerNode)
                    .orElse(value);
        }
        Optional<RecordShape> element = Optional.ofNullable(field)
                .map(FieldShape::elementType)
                .filter(Class::isRecord)
                .map(RecordShape::of);
        if (element.isEmpty()) {
            return value.deepCopy(); // free-form JSON (headers, parameters...): a null in it means something
        }
        if (value.isArray()) {
            ArrayNode items = Json.array();
            value.forEach(item -> items.add(item.isObject() ? object(item, element) : item.deepCopy()));
            return items;
        }
        return value.isObject() ? object(value, element) : value.deepCopy();
    }

    /** A number or boolean field in the one form its model type has, whichever spelling Kapso returned. */
    private static Optional<JsonNode> scalar(JsonNode value, FieldShape field) {
        Class<?> type = field.rawType();
        if (type == Integer.class || type == int.class) {
            return KapsoValues.wholeNumber(value).map(Json::valueOf);
        }
        if (type == Double.class || type == double.class) {
            return KapsoValues.number(value).map(Json::valueOf);
        }
        if (type == Boolean.class || type == boolean.class) {
            return KapsoValues.bool(value).map(Json::valueOf);
        }
        return Optional.empty();
    }

    private static boolean isUnset(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isContainerNode() && value.isEmpty());
    }
}
