package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Node- and edge-level changes between two comparable definitions: nodes by id ({@code nodes.greet},
 * fields as {@code nodes.greet.config.message}), edges by source and label ({@code edges.route[billing]},
 * the value being the target).
 */
final class DefinitionDiff {

    private DefinitionDiff() {}

    static void diff(JsonNode remote, JsonNode local, List<FieldChange> out) {
        Map<String, JsonNode> before = nodes(remote);
        Map<String, JsonNode> after = nodes(local);
        for (String id : union(before, after)) {
            JsonNode b = before.get(id);
            JsonNode a = after.get(id);
            if (b == null || a == null) {
                out.add(new FieldChange("nodes." + id, b, a));
            } else {
                JsonDiff.diff("nodes." + id, b, a, out);
            }
        }
        Map<String, JsonNode> edgesBefore = edges(remote);
        Map<String, JsonNode> edgesAfter = edges(local);
        for (String key : union(edgesBefore, edgesAfter)) {
            JsonNode b = edgesBefore.get(key);
            JsonNode a = edgesAfter.get(key);
            if (b == null || a == null || !b.equals(a)) {
                out.add(new FieldChange("edges." + key, b, a));
            }
        }
    }

    /** Each node flattened to what an author sees: type, label, position, config. */
    private static Map<String, JsonNode> nodes(JsonNode definition) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (JsonNode node : definition.path("nodes")) {
            ObjectNode flat = Json.object();
            flat.set("node_type", node.path("data").path("node_type"));
            if (node.path("data").has("display_name")) {
                flat.set("display_name", node.path("data").path("display_name"));
            }
            if (node.has("position")) {
                flat.set("position", node.get("position"));
            }
            flat.set("config", node.path("data").path("config"));
            nodes.put(node.path("id").asText(), flat);
        }
        return nodes;
    }

    private static Map<String, JsonNode> edges(JsonNode definition) {
        Map<String, JsonNode> edges = new LinkedHashMap<>();
        for (JsonNode edge : definition.path("edges")) {
            edges.put(edge.path("source").asText() + "[" + edge.path("label").asText() + "]", edge.path("target"));
        }
        return edges;
    }

    private static TreeSet<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
