package io.kapsocode.validate;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.HandoffConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.trigger.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of one workflow: its slug and metadata, node ids, the start node, edges and their labels,
 * decide conditions against their edges, and each node's and trigger's fields. The graph rules that
 * need the whole graph live in {@link GraphRules}.
 */
final class WorkflowValidator {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    static final Pattern NODE_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*$");

    private final Workflow workflow;
    private final Findings findings;
    private final Map<String, Node> nodesById = new LinkedHashMap<>();
    private final Map<String, List<Edge>> outgoing = new HashMap<>();
    private final Map<String, Set<String>> labelsBySource = new HashMap<>();
    /** Whether an edge was left out of the graph: reachability is then unknown. */
    private boolean danglingEdges;

    private final Set<String> moreNodeTypes;

    private WorkflowValidator(Workflow workflow, Set<String> moreNodeTypes, Diagnostics out) {
        this.workflow = workflow;
        this.moreNodeTypes = moreNodeTypes;
        this.findings = new Findings(out, workflow.subject(), workflow.sourceMap());
    }

    /** @param moreNodeTypes raw node types the target API has beyond Kapso's Platform API's */
    static void validate(Workflow workflow, Set<String> moreNodeTypes, Diagnostics out) {
        new WorkflowValidator(workflow, moreNodeTypes, out).run();
    }

    private void run() {
        metadata();
        nodeIds();
        startNode();
        edges();
        for (Node node : nodesById.values()) {
            List<Edge> out = outgoing.getOrDefault(node.id(), List.of());
            if (node.config() instanceof DecideConfig decide) {
                decide(node, decide, out);
            } else {
                singleNext(node, out);
            }
            NodeRules.check(node, "nodes." + node.id(), moreNodeTypes, findings);
        }
        triggers();
        GraphRules.check(nodesById, outgoing, labelsBySource.keySet(), danglingEdges, findings);
    }

    private void metadata() {
        if (!SLUG.matcher(workflow.slug()).matches()) {
            findings.error(
                    "invalid_slug",
                    "slug",
                    "slug '" + workflow.slug() + "' must be kebab-case (lower-case letters, digits and single"
                            + " hyphens), such as '" + Slugs.suggest(workflow.slug()) + "'");
        }
        if (RequiredFields.isEmpty(workflow.name())) {
            findings.error("empty_required_field", "name", "the workflow needs a 'name'; add one");
        }
        Integer debounce = workflow.settings().messageDebounceSeconds();
        if (debounce != null && debounce < 0) {
            findings.error(
                    "invalid_value",
                    "settings.message_debounce_seconds",
                    "message_debounce_seconds must be 0 or more, not " + debounce);
        }
    }

    private void nodeIds() {
        if (workflow.nodes().isEmpty()) {
            findings.error("empty_workflow", "nodes", "the workflow has no nodes; add at least the 'start' node");
        }
        for (Node node : workflow.nodes()) {
            String path = "nodes." + node.id();
            if (!isNodeId(node.id())) {
                findings.error(
                        "invalid_node_id",
                        path,
                        "node id '" + node.id() + "' must start with a letter and hold only letters, digits, '_'"
                                + " and '-'");
            }
            if (nodesById.putIfAbsent(node.id(), node) != null) {
                findings.error(
                        "duplicate_node_id", path, "node id '" + node.id() + "' is used twice; rename one of them");
            }
        }
    }

    /** {@link #NODE_ID} without a regex: this runs once per node. */
    static boolean isNodeId(String id) {
        if (id.isEmpty() || !isAsciiLetter(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void startNode() {
        Node start = nodesById.get(StartConfig.ID);
        if (start == null && !workflow.nodes().isEmpty()) {
            findings.error(
                    "missing_start_node",
                    "nodes",
                    "the workflow has no node with id 'start'; add a start node, where every execution begins");
        } else if (start != null && !(start.config() instanceof StartConfig)) {
            findings.error(
                    "missing_start_node",
                    "nodes.start",
                    "node 'start' is a " + start.nodeType() + " node; the node with id 'start' must be of type"
                            + " start");
        }
        for (Node node : workflow.nodes()) {
            if (node.config() instanceof StartConfig && !node.id().equals(StartConfig.ID)) {
                findings.error(
                        "extra_start_node",
                        "nodes." + node.id(),
                        "start node '" + node.id() + "' must have the id 'start', and a workflow has only one");
            }
        }
    }

    private void edges() {
        for (Edge edge : workflow.edges()) {
            String path = edge.path();
            boolean sourceKnown = nodesById.containsKey(edge.source());
            boolean targetKnown = nodesById.containsKey(edge.target());
            // a node the source declares but the reader could not read is already reported
            if (!sourceKnown && !findings.written("nodes." + edge.source())) {
                findings.error(
                        "missing_edge_source",
                        path,
                        "edge from '" + edge.source() + "' starts at a node that does not exist"
                                + Suggestions.didYouMean(edge.source(), nodesById.keySet()));
            }
            if (!targetKnown && !findings.written("nodes." + edge.target())) {
                findings.error(
                        "missing_edge_target",
                        path,
                        "edge from '" + edge.source() + "' leads to node '" + edge.target() + "', which does not exist"
                                + Suggestions.didYouMean(edge.target(), nodesById.keySet()));
            }
            if (edge.label().isBlank()) {
                danglingEdges = true;
                findings.error("empty_edge_label", path, "edge from '" + edge.source() + "' needs a label");
                continue;
            }
            if (!labelsBySource
                    .computeIfAbsent(edge.source(), k -> new HashSet<>())
                    .add(edge.label())) {
                danglingEdges = true;
                findings.error(
                        "duplicate_edge_label",
                        path,
                        "node '" + edge.source() + "' has two edges labelled '" + edge.label()
                                + "'; Kapso follows only one of them, keep one");
                continue;
            }
            danglingEdges |= !(sourceKnown && targetKnown);
            if (sourceKnown && targetKnown) {
                outgoing.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge);
            }
        }
    }

    /** Every node but decide continues along at most one edge, labelled {@code next}. */
    private void singleNext(Node node, List<Edge> out) {
        boolean start = node.config() instanceof StartConfig;
        if (node.id().equals(StartConfig.ID)
                && start
                && !labelsBySource.containsKey(node.id())
                && nodesById.size() > 1) {
            findings.error(
                    "start_without_edge",
                    "nodes.start",
                    "the start node leads nowhere; give it a 'next' to the first step");
        }
        if (node.config() instanceof HandoffConfig && !out.isEmpty()) {
            findings.warning(
                    "handoff_outgoing_edges",
                    out.get(0).path(),
                    "handoff node '" + node.id() + "' hands the conversation to a person and never continues;"
                            + " remove its 'next'");
        }
        for (Edge edge : out) {
            if (!edge.label().equals(Edge.NEXT)) {
                findings.error(
                        "non_decision_edge_label",
                        edge.path(),
                        node.nodeType() + " node '" + node.id() + "' continues only along 'next', not '" + edge.label()
                                + "'; branch with a decide node");
            }
        }
        if (out.size() > 1) {
            findings.error(
                    start ? "multiple_start_edges" : "non_decision_multiple_edges",
                    out.get(1).path(),
                    node.nodeType() + " node '" + node.id() + "' has " + out.size()
                            + " outgoing edges but only decide nodes branch; keep one or add a decide node");
        }
    }

    private void decide(Node node, DecideConfig decide, List<Edge> out) {
        String path = "nodes." + node.id();
        if (decide.conditions().isEmpty()) {
            findings.error(
                    "missing_decision_conditions",
                    path,
                    "decide node '" + node.id() + "' has no branches; add at least one 'label: target'");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < decide.conditions().size(); i++) {
            String label = decide.conditions().get(i).label();
            String conditionPath = path + ".conditions." + i;
            if (label == null || label.isBlank()) {
                findings.error(
                        "empty_decision_condition_label",
                        conditionPath,
                        "branch " + i + " of decide node '" + node.id() + "' needs a label");
            } else if (!labels.add(label)) {
                findings.error(
                        "duplicate_decision_condition",
                        conditionPath,
                        "decide node '" + node.id() + "' has two branches labelled '" + label + "'; rename one");
            }
        }
        Set<String> edgeLabels = labelsBySource.getOrDefault(node.id(), Set.of());
        for (Edge edge : out) {
            if (!labels.contains(edge.label())) {
                findings.error(
                        "unknown_decision_edge_label",
                        edge.path(),
                        "edge label '" + edge.label() + "' of decide node '" + node.id() + "' matches no branch"
                                + Suggestions.didYouMean(edge.label(), labels)
                                + "; labels must equal a condition's label exactly");
            }
        }
        for (int i = 0; i < decide.conditions().size(); i++) {
            String label = decide.conditions().get(i).label();
            if (label != null && !label.isBlank() && !edgeLabels.contains(label)) {
                findings.error(
                        "missing_decision_edge",
                        path + ".conditions." + i,
                        "branch '" + label + "' of decide node '" + node.id()
                                + "' leads nowhere; give it a target node");
            }
        }
    }

    private void triggers() {
        for (int i = 0; i < workflow.triggers().size(); i++) {
            Trigger trigger = workflow.triggers().get(i);
            TriggerRules.check(trigger, "triggers." + i, findings);
        }
    }
}
