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

    /**
     * The screens of a WhatsApp Flow (Meta Flow JSON) and how one leads to another: {@code navigate}
     * actions, and the routes of its {@code routing_model} (which its data endpoint chooses among).
     * Terminal screens are boxes of type {@code terminal_screen}, the others {@code screen}.
     */
    public static WorkflowDiagram ofFlow(JsonNode flowJson) {
        List<Box> boxes = new ArrayList<>();
        java.util.Set<String> arrows = new java.util.LinkedHashSet<>();
        for (JsonNode screen : flowJson.path("screens")) {
            String id = screen.path("id").asText();
            boxes.add(new Box(
                    id, screen.path("terminal").asBoolean(false) ? "terminal_screen" : "screen", Change.NONE, 0));
            navigations(screen, id, arrows);
        }
        flowJson.path("routing_model")
                .properties()
                .forEach(route -> route.getValue()
                        .forEach(target -> arrows.add(route.getKey() + "\n" + target.asText() + "\nroute")));
        List<Arrow> lines = new ArrayList<>();
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (String arrow : arrows) {
            String[] parts = arrow.split("\n");
            // a route the navigate actions already draw is drawn once, as the navigation
            if (drawn.add(parts[0] + "\n" + parts[1])) {
                lines.add(new Arrow(parts[0], parts[1], parts[2], Change.NONE));
            }
        }
        return new WorkflowDiagram(boxes, lines, 0);
    }

    private static void navigations(JsonNode component, String screen, java.util.Set<String> arrows) {
        if (component.isObject()) {
            if ("navigate".equals(component.path("name").asText())
                    && component.path("next").path("name").isTextual()) {
                arrows.add(screen + "\n" + component.get("next").get("name").asText() + "\nnext");
            }
            component.properties().forEach(e -> navigations(e.getValue(), screen, arrows));
        } else if (component.isArray()) {
            component.forEach(child -> navigations(child, screen, arrows));
        }
    }

    /**
     * What changed between two pictures: boxes and arrows only in {@code after} are added, those only
     * in {@code before} put back as removed, boxes in both and named in {@code changed} marked changed.
     */
    public static WorkflowDiagram compare(WorkflowDiagram before, WorkflowDiagram after, Set<String> changed) {
        Set<String> was = new HashSet<>();
        before.boxes().forEach(b -> was.add(b.id()));
        Set<String> is = new HashSet<>();
        List<Box> boxes = new ArrayList<>();
        for (Box box : after.boxes()) {
            is.add(box.id());
            Change change =
                    !was.contains(box.id()) ? Change.ADDED : changed.contains(box.id()) ? Change.CHANGED : Change.NONE;
            boxes.add(new Box(box.id(), box.type(), change, box.waiting()));
        }
        before.boxes().stream()
                .filter(b -> !is.contains(b.id()))
                .forEach(b -> boxes.add(new Box(b.id(), b.type(), Change.REMOVED, b.waiting())));
        Set<String> oldArrows = new HashSet<>();
        before.arrows().forEach(a -> oldArrows.add(a.from() + "\n" + a.to()));
        Set<String> newArrows = new HashSet<>();
        List<Arrow> arrows = new ArrayList<>();
        for (Arrow arrow : after.arrows()) {
            newArrows.add(arrow.from() + "\n" + arrow.to());
            arrows.add(new Arrow(
                    arrow.from(),
                    arrow.to(),
                    arrow.label(),
                    oldArrows.contains(arrow.from() + "\n" + arrow.to()) ? Change.NONE : Change.ADDED));
        }
        before.arrows().stream()
                .filter(a -> !newArrows.contains(a.from() + "\n" + a.to()))
                .forEach(a -> arrows.add(new Arrow(a.from(), a.to(), a.label(), Change.REMOVED)));
        return new WorkflowDiagram(boxes, arrows, 0);
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
