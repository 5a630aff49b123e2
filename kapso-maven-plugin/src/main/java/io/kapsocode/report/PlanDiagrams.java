package io.kapsocode.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagram.WorkflowDiagram;
import io.kapsocode.diagram.WorkflowDiagram.Arrow;
import io.kapsocode.diagram.WorkflowDiagram.Box;
import io.kapsocode.diagram.WorkflowDiagram.Change;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.InFlight;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The picture of each workflow a plan creates or whose graph it changes: the graph the sources say,
 * with the nodes and edges the plan adds, changes and removes marked (removed ones put back, to be
 * drawn dashed), and the conversations waiting at each node.
 */
public final class PlanDiagrams {

    /** The most nodes a plan's picture shows; a larger graph shows what changed and its neighbours. */
    public static final int MAX_BOXES = 60;

    private PlanDiagrams() {}

    /** By resource address ({@code workflow:order-status}, {@code whatsapp_flow:signup}). */
    public static Map<String, WorkflowDiagram> of(Plan plan, Project sources) {
        Map<String, WorkflowDiagram> diagrams = new TreeMap<>();
        for (ResourceChange resource : plan.resources()) {
            if (resource.kind() == ResourceKind.WHATSAPP_FLOW) {
                resource.changes().stream()
                        .filter(c -> c.path().equals("flow_json") && c.after().isObject())
                        .findFirst()
                        .ifPresent(
                                c -> diagrams.put(resource.address(), screens(c).capped(MAX_BOXES)));
                continue;
            }
            boolean drawn = resource.kind() == ResourceKind.WORKFLOW
                    && (resource.action() == Action.CREATE
                            || (resource.action() == Action.UPDATE
                                    && (resource.has("nodes") || resource.has("edges"))));
            if (drawn) {
                sources.workflow(resource.key())
                        .ifPresent(w -> diagrams.put(
                                resource.address(),
                                diagram(WorkflowCompiler.definition(w), resource, plan.inFlight(resource.key()))
                                        .capped(MAX_BOXES)));
            }
        }
        return diagrams;
    }

    /** A flow's screens before and after, with the screens whose JSON differs marked changed. */
    static WorkflowDiagram screens(FieldChange flowJson) {
        WorkflowDiagram after = WorkflowDiagram.ofFlow(flowJson.after());
        if (!flowJson.before().isObject()) {
            return WorkflowDiagram.compare(new WorkflowDiagram(List.of(), List.of(), 0), after, java.util.Set.of());
        }
        Map<String, JsonNode> old = new java.util.HashMap<>();
        flowJson.before().path("screens").forEach(s -> old.put(s.path("id").asText(), s));
        java.util.Set<String> changed = new java.util.HashSet<>();
        flowJson.after().path("screens").forEach(s -> {
            JsonNode was = old.get(s.path("id").asText());
            if (was != null && !was.equals(s)) {
                changed.add(s.path("id").asText());
            }
        });
        return WorkflowDiagram.compare(WorkflowDiagram.ofFlow(flowJson.before()), after, changed);
    }

    static WorkflowDiagram diagram(JsonNode local, ResourceChange resource, Optional<InFlight> inFlight) {
        WorkflowDiagram after = WorkflowDiagram.of(local);
        Map<String, Integer> waiting = inFlight.map(InFlight::waitingAt).orElse(Map.of());
        boolean created = resource.action() == Action.CREATE;
        Map<String, Box> boxes = new LinkedHashMap<>();
        after.boxes()
                .forEach(b -> boxes.put(
                        b.id(),
                        new Box(
                                b.id(),
                                b.type(),
                                created ? Change.ADDED : Change.NONE,
                                waiting.getOrDefault(b.id(), 0))));
        Map<String, Arrow> arrows = new LinkedHashMap<>();
        after.arrows()
                .forEach(a -> arrows.put(
                        a.from() + "[" + a.label() + "]",
                        new Arrow(a.from(), a.to(), a.label(), created ? Change.ADDED : Change.NONE)));
        List<Arrow> removedArrows = new ArrayList<>();
        if (!created) {
            for (FieldChange change : resource.changes()) {
                String path = change.path();
                if (path.startsWith("nodes.") && change.isRemoval() && !boxes.containsKey(path.substring(6))) {
                    String id = path.substring(6);
                    boxes.put(
                            id,
                            new Box(
                                    id,
                                    change.before().path("node_type").asText("?"),
                                    Change.REMOVED,
                                    waiting.getOrDefault(id, 0)));
                }
            }
            List<String> ids = boxes.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (FieldChange change : resource.changes()) {
                String path = change.path();
                if (path.startsWith("nodes.")) {
                    ids.stream()
                            .filter(id -> path.equals("nodes." + id) || path.startsWith("nodes." + id + "."))
                            .findFirst()
                            .ifPresent(id -> {
                                Box box = boxes.get(id);
                                if (box.change() == Change.NONE) {
                                    boxes.put(
                                            id,
                                            new Box(
                                                    id,
                                                    box.type(),
                                                    path.equals("nodes." + id) ? Change.ADDED : Change.CHANGED,
                                                    box.waiting()));
                                }
                            });
                } else if (path.startsWith("edges.") && path.endsWith("]")) {
                    ids.stream()
                            .filter(id -> path.startsWith("edges." + id + "["))
                            .findFirst()
                            .ifPresent(source -> {
                                String label = path.substring(("edges." + source + "[").length(), path.length() - 1);
                                String key = source + "[" + label + "]";
                                if (!change.isAddition()) {
                                    removedArrows.add(
                                            new Arrow(source, change.before().asText(), label, Change.REMOVED));
                                }
                                Arrow now = arrows.get(key);
                                if (now != null) {
                                    arrows.put(key, new Arrow(now.from(), now.to(), now.label(), Change.ADDED));
                                }
                            });
                }
            }
        }
        List<Arrow> all = new ArrayList<>(arrows.values());
        all.addAll(removedArrows);
        return new WorkflowDiagram(new ArrayList<>(boxes.values()), all, 0);
    }
}
