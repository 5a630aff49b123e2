package io.kapsocode.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.json.Json;
import io.kapsocode.json.YamlText;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.Position;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.Condition;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.RawConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.trigger.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a workflow in this tool's YAML, as a person would: metadata, triggers, then nodes in the
 * workflow's order with their {@code next} or decide {@code branches}; only edges those cannot say go
 * to a trailing {@code edges} list. {@link WorkflowYamlReader} reads the result back to the same model.
 */
public final class WorkflowYamlWriter {

    private WorkflowYamlWriter() {}

    public static String write(Workflow workflow) {
        ObjectNode root = Json.object();
        root.put("slug", workflow.slug());
        if (workflow.name() != null) {
            root.put("name", workflow.name());
        }
        if (workflow.description() != null) {
            root.put("description", workflow.description());
        }
        if (workflow.status() != null) {
            root.put("status", workflow.status().wire());
        }
        if (!workflow.settings().isEmpty()) {
            root.set("settings", RecordCodec.write(workflow.settings()));
        }
        if (!workflow.triggers().isEmpty()) {
            ArrayNode triggers = root.putArray("triggers");
            for (Trigger trigger : workflow.triggers()) {
                ObjectNode item = triggers.addObject().put("type", trigger.triggerType());
                item.setAll(RecordCodec.write(trigger));
                if (trigger.isActive()) {
                    item.remove("active"); // the default
                }
            }
        }
        Map<String, List<Edge>> outgoing = new LinkedHashMap<>();
        workflow.edges()
                .forEach(e -> outgoing.computeIfAbsent(e.source(), k -> new ArrayList<>())
                        .add(e));
        List<Edge> leftOver = new ArrayList<>(workflow.edges());
        ObjectNode nodes = root.putObject("nodes");
        List<Node> ordered = new ArrayList<>();
        workflow.nodes().stream().filter(n -> n.config() instanceof StartConfig).forEach(ordered::add);
        workflow.nodes().stream()
                .filter(n -> !(n.config() instanceof StartConfig))
                .forEach(ordered::add);
        for (Node node : ordered) {
            nodes.set(node.id(), node(node, outgoing.getOrDefault(node.id(), List.of()), leftOver));
        }
        if (!leftOver.isEmpty()) {
            ArrayNode edges = root.putArray("edges");
            for (Edge edge : leftOver) {
                edges.addObject()
                        .put("source", edge.source())
                        .put("target", edge.target())
                        .put("label", edge.label());
            }
        }
        return YamlText.writeInOrder(root);
    }

    private static ObjectNode node(Node node, List<Edge> outgoing, List<Edge> leftOver) {
        ObjectNode json = Json.object();
        boolean implicitStart =
                node.config() instanceof StartConfig && node.id().equals(StartConfig.ID);
        if (node.config() instanceof RawConfig raw) {
            json.put("type", WorkflowYamlReader.RAW);
            json.put("node_type", raw.nodeType());
        } else if (!implicitStart) {
            json.put("type", node.nodeType());
        }
        if (node.displayName() != null) {
            json.put("display_name", node.displayName());
        }
        if (node.position() != null) {
            json.set("position", position(node.position()));
        }
        ObjectNode config = node.config() instanceof RawConfig raw
                ? Json.object().set("config", raw.config().deepCopy())
                : RecordCodec.write(node.config());
        ObjectNode branches = node.config() instanceof DecideConfig decide ? branches(decide, outgoing) : null;
        if (branches != null) {
            config.remove("conditions");
        }
        json.setAll(config);
        if (!node.extraConfig().isEmpty()) {
            json.set("raw_config", node.extraConfig().deepCopy());
        }
        if (!node.suppressions().isEmpty()) {
            ObjectNode suppress = json.putObject("suppress");
            node.suppressions().forEach(suppress::put);
        }
        if (branches != null) {
            json.set("branches", branches);
            leftOver.removeAll(outgoing);
        } else if (!(node.config() instanceof DecideConfig)
                && outgoing.size() == 1
                && Edge.NEXT.equals(outgoing.get(0).label())) {
            json.put("next", outgoing.get(0).target());
            leftOver.remove(outgoing.get(0));
        }
        return json;
    }

    /**
     * {@code label: target} per condition, in order, when every condition has exactly one edge and the
     * node has no other; otherwise the conditions stay a list and the edges go to {@code edges}.
     */
    private static ObjectNode branches(DecideConfig decide, List<Edge> outgoing) {
        if (decide.conditions().isEmpty()
                || outgoing.size() != decide.conditions().size()) {
            return null;
        }
        ObjectNode branches = Json.object();
        for (Condition condition : decide.conditions()) {
            List<Edge> matching = outgoing.stream()
                    .filter(e -> e.label().equals(condition.label()))
                    .toList();
            if (matching.size() != 1 || branches.has(condition.label())) {
                return null;
            }
            String target = matching.get(0).target();
            if (condition.description() == null) {
                branches.put(condition.label(), target);
            } else {
                branches.putObject(condition.label()).put("next", target).put("description", condition.description());
            }
        }
        return branches;
    }

    private static JsonNode position(Position position) {
        ObjectNode xy = Json.object();
        xy.set("x", number(position.x()));
        xy.set("y", number(position.y()));
        return xy;
    }

    private static JsonNode number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Json.valueOf((long) value) : Json.valueOf(value);
    }
}
