package io.kapsocode.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.json.Json;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.Position;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.RawConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.node.WaitForResponseConfig;
import io.kapsocode.model.trigger.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a workflow to Kapso's definition JSON, deterministically: the same model always gives the
 * same bytes, whether it was written in Java, in YAML or as a Kapso CLI tree.
 *
 * <p>Output rules (those of Kapso's own library): the start node first, then the other nodes in
 * authoring order; {@code type: flow-node}; a computed position where none is given (start at
 * {@code 0,0}, the n-th other node at {@code 240n,0}); snake_case config with unset values omitted; no
 * remote ids. Edges are grouped by source node in node order, in authoring order within a node, so
 * that the same graph gives the same bytes however it was built.
 */
public final class WorkflowCompiler {

    /** Horizontal distance between computed node positions, as Kapso's library lays them out. */
    static final int LAYOUT_STEP = 240;

    private WorkflowCompiler() {}

    public static CompiledWorkflow compile(Workflow workflow) {
        return new CompiledWorkflow(
                workflow.slug(), metadata(workflow), definition(workflow), triggers(workflow.triggers()));
    }

    /** The definition alone: {@code {"nodes": [...], "edges": [...]}}. */
    public static ObjectNode definition(Workflow workflow) {
        List<Node> ordered = new ArrayList<>();
        workflow.nodes().stream().filter(n -> n.config() instanceof StartConfig).forEach(ordered::add);
        workflow.nodes().stream()
                .filter(n -> !(n.config() instanceof StartConfig))
                .forEach(ordered::add);

        ArrayNode nodes = Json.array();
        Map<String, Integer> order = new HashMap<>();
        for (int index = 0; index < ordered.size(); index++) {
            Node node = ordered.get(index);
            order.putIfAbsent(node.id(), index);
            nodes.add(node(node, index));
        }

        Map<Integer, List<Edge>> bySource = new LinkedHashMap<>();
        for (Edge edge : workflow.edges()) {
            bySource.computeIfAbsent(order.getOrDefault(edge.source(), Integer.MAX_VALUE), k -> new ArrayList<>())
                    .add(edge);
        }
        ArrayNode edges = Json.array();
        bySource.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream())
                .forEach(edge -> edges.add(edge(edge)));

        ObjectNode definition = Json.object();
        definition.set("nodes", nodes);
        definition.set("edges", edges);
        return definition;
    }

    /**
     * Whether a position at {@code index} of a definition's nodes is one a tool filled in rather than one a
     * person placed: the layout this compiler and Kapso's library give nodes without one (start at 0,0,
     * the n-th node at 240n,0), or 0,0 for any node (a store's default). Such a position reads as unset.
     */
    public static boolean isComputedPosition(double x, double y, boolean start, int index) {
        return (x == 0 && y == 0) || (!start && y == 0 && x == (double) index * LAYOUT_STEP);
    }

    private static ObjectNode node(Node node, int index) {
        Position position = node.position() != null
                ? node.position()
                : new Position(node.config() instanceof StartConfig ? 0 : (double) index * LAYOUT_STEP, 0);
        ObjectNode data = Json.object();
        data.put("node_type", node.nodeType());
        data.set("config", config(node));
        if (node.displayName() != null) {
            data.put("display_name", node.displayName());
        }
        ObjectNode json = Json.object();
        json.put("id", node.id());
        json.put("type", "flow-node");
        ObjectNode xy = json.putObject("position");
        xy.put("x", position.x());
        xy.put("y", position.y());
        json.set("data", data);
        return json;
    }

    /** A node's snake_case config: the typed fields, then the pass-through keys over them. */
    public static ObjectNode config(Node node) {
        ObjectNode config = config(node.config());
        config.setAll(node.extraConfig());
        return config;
    }

    static ObjectNode config(NodeConfig config) {
        if (config instanceof RawConfig raw) {
            return raw.config().deepCopy();
        }
        ObjectNode json = RecordCodec.write(config);
        if (config instanceof WaitForResponseConfig wait) {
            json.put("has_timeout", wait.effectiveHasTimeout());
        }
        return json;
    }

    private static ObjectNode edge(Edge edge) {
        ObjectNode json = Json.object();
        json.put("source", edge.source());
        json.put("target", edge.target());
        json.put("label", edge.label());
        return json;
    }

    /** The workflow fields Kapso stores beside the definition. */
    public static ObjectNode metadata(Workflow workflow) {
        ObjectNode json = Json.object();
        json.put("slug", workflow.slug());
        if (workflow.name() != null) {
            json.put("name", workflow.name());
        }
        if (workflow.description() != null) {
            json.put("description", workflow.description());
        }
        json.put("status", workflow.effectiveStatus().wire());
        json.setAll(RecordCodec.write(workflow.settings()));
        return json;
    }

    /** The trigger set as {@code PUT /workflows/{id}/triggers} items, with {@code active} explicit. */
    public static ArrayNode triggers(List<Trigger> triggers) {
        ArrayNode array = Json.array();
        for (Trigger trigger : triggers) {
            ObjectNode item = Json.object();
            item.put("trigger_type", trigger.triggerType());
            item.setAll(RecordCodec.write(trigger));
            item.put("active", trigger.isActive());
            array.add(item);
        }
        return array;
    }
}
