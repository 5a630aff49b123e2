package io.kapsocode.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A workflow as a picture shows it, whatever draws it (Mermaid, Graphviz): boxes by node type, arrows
 * with their labels, and, for a plan, what is added, changed or removed and where conversations wait.
 *
 * @param boxes the nodes, start first
 * @param arrows the edges
 * @param omitted how many unchanged nodes a capped picture leaves out (0 when it shows all)
 */
public record WorkflowDiagram(List<Box> boxes, List<Arrow> arrows, int omitted) {

    public WorkflowDiagram {
        boxes = List.copyOf(boxes);
        arrows = List.copyOf(arrows);
    }

    /** What a plan does to a box or an arrow. */
    public enum Change {
        NONE,
        ADDED,
        CHANGED,
        REMOVED
    }

    /**
     * @param id the node id
     * @param type the node type
     * @param change what the plan does to it
     * @param waiting conversations in flight at it (0 when none or unknown)
     */
    public record Box(String id, String type, Change change, int waiting) {}

    /** An edge; {@code next} edges are drawn without a label. */
    public record Arrow(String from, String to, String label, Change change) {}

    /** The picture of a definition as it is (nodes with {@code data.node_type}, edges with labels). */
    public static WorkflowDiagram of(JsonNode definition) {
        List<Box> boxes = new ArrayList<>();
        for (JsonNode node : definition.path("nodes")) {
            boxes.add(new Box(
                    node.path("id").asText(),
                    node.path("data").path("node_type").asText(),
                    Change.NONE,
                    0));
        }
        List<Arrow> arrows = new ArrayList<>();
        for (JsonNode edge : definition.path("edges")) {
            arrows.add(new Arrow(
                    edge.path("source").asText(),
                    edge.path("target").asText(),
                    edge.path("label").asText("next"),
                    Change.NONE));
        }
        return new WorkflowDiagram(startFirst(boxes), arrows, 0);
    }

    /** The ids of nodes no edge leaves: where an execution ends. */
    public Set<String> ends() {
        Set<String> sources = new HashSet<>();
        arrows.stream().filter(a -> a.change() != Change.REMOVED).forEach(a -> sources.add(a.from()));
        Set<String> ends = new LinkedHashSet<>();
        boxes.stream()
                .filter(b -> b.change() != Change.REMOVED && !sources.contains(b.id()))
                .forEach(b -> ends.add(b.id()));
        return ends;
    }

    /**
     * At most {@code maxBoxes} boxes: when there are more, only what changed and its neighbours are kept
     * (and the count of the others is said); when even that is too many, nothing is.
     */
    public WorkflowDiagram capped(int maxBoxes) {
        if (boxes.size() <= maxBoxes) {
            return this;
        }
        Set<String> kept = new LinkedHashSet<>();
        boxes.stream().filter(b -> b.change() != Change.NONE || b.waiting() > 0).forEach(b -> kept.add(b.id()));
        arrows.stream().filter(a -> a.change() != Change.NONE).forEach(a -> {
            kept.add(a.from());
            kept.add(a.to());
        });
        Set<String> neighbours = new LinkedHashSet<>();
        arrows.forEach(a -> {
            if (kept.contains(a.from())) {
                neighbours.add(a.to());
            }
            if (kept.contains(a.to())) {
                neighbours.add(a.from());
            }
        });
        if (kept.size() + neighbours.size() <= maxBoxes) {
            kept.addAll(neighbours);
        }
        if (kept.size() > maxBoxes) {
            return new WorkflowDiagram(List.of(), List.of(), boxes.size());
        }
        List<Box> shown = boxes.stream().filter(b -> kept.contains(b.id())).toList();
        List<Arrow> lines = arrows.stream()
                .filter(a -> kept.contains(a.from()) && kept.contains(a.to()))
                .toList();
        return new WorkflowDiagram(shown, lines, boxes.size() - shown.size());
    }

    static List<Box> startFirst(List<Box> boxes) {
        List<Box> ordered = new ArrayList<>();
        boxes.stream().filter(b -> b.type().equals("start")).forEach(ordered::add);
        boxes.stream().filter(b -> !b.type().equals("start")).forEach(ordered::add);
        return ordered;
    }
}
