package io.kapsocode.validate;

import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.model.node.HandoffConfig;
import io.kapsocode.model.node.SetVariableConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.node.WaitForResponseConfig;
import io.kapsocode.model.node.WebhookConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.GabowStrongConnectivityInspector;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * The rules that need the whole graph, checked on a JGraphT graph whose vertices are node ids and whose
 * edges are the workflow's edges: nodes no path reaches, cycles that can spin without ever waiting for
 * the user, and paths that stop at a node whose result nothing uses.
 */
final class GraphRules {

    private GraphRules() {}

    /**
     * @param nodes the nodes by id
     * @param outgoing the edges between existing nodes, by source
     * @param continuing ids of the nodes the source gives any edge, even one to a missing node
     * @param danglingEdges whether an edge names a missing node: reachability is then unknown
     */
    static void check(
            Map<String, Node> nodes,
            Map<String, List<Edge>> outgoing,
            Set<String> continuing,
            boolean danglingEdges,
            Findings findings) {
        Graph<String, Edge> graph = new DirectedPseudograph<>(null, null, false);
        nodes.keySet().forEach(graph::addVertex);
        outgoing.values().forEach(edges -> edges.forEach(e -> graph.addEdge(e.source(), e.target(), e)));

        Set<String> reachable = new HashSet<>();
        if (graph.containsVertex(StartConfig.ID) && !danglingEdges) {
            new BreadthFirstIterator<>(graph, StartConfig.ID).forEachRemaining(reachable::add);
            for (Node node : nodes.values()) {
                if (!reachable.contains(node.id())) {
                    findings.warning(
                            "unreachable_node",
                            "nodes." + node.id(),
                            node.nodeType() + " node '" + node.id() + "' cannot be reached from 'start'; connect it"
                                    + " or remove it");
                }
            }
        }
        spinningCycles(graph, nodes, findings);
        for (Node node : nodes.values()) {
            if (!continuing.contains(node.id())
                    && (danglingEdges || reachable.contains(node.id()))
                    && endsWithoutPurpose(node)) {
                findings.warning(
                        "dead_end",
                        "nodes." + node.id(),
                        "the workflow stops after " + node.nodeType() + " node '" + node.id() + "', so what it "
                                + (node.config() instanceof WaitForResponseConfig ? "waits for" : "produces")
                                + " is never used; give it a 'next' or end with a message");
            }
        }
    }

    /** A cycle with no node that waits for the user loops without end and burns the execution. */
    private static void spinningCycles(Graph<String, Edge> graph, Map<String, Node> nodes, Findings findings) {
        Map<String, Integer> order = new HashMap<>();
        for (String id : nodes.keySet()) {
            order.put(id, order.size());
        }
        for (Set<String> component : new GabowStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            String first =
                    component.stream().min(Comparator.comparing(order::get)).orElseThrow();
            boolean cycle = component.size() > 1 || graph.containsEdge(first, first);
            if (!cycle || component.stream().map(nodes::get).anyMatch(GraphRules::pauses)) {
                continue;
            }
            List<String> members = new ArrayList<>(component);
            members.sort(Comparator.comparing(order::get));
            findings.error(
                    "cycle_without_pause",
                    "nodes." + first,
                    "nodes " + String.join(" -> ", members) + " -> " + first + " form a loop that never waits for"
                            + " the user; add a wait_for_response (or agent, or handoff) node to the loop");
        }
    }

    private static boolean pauses(Node node) {
        return node.config() instanceof WaitForResponseConfig
                || node.config() instanceof AgentConfig
                || node.config() instanceof HandoffConfig;
    }

    private static boolean endsWithoutPurpose(Node node) {
        return node.config() instanceof WaitForResponseConfig
                || node.config() instanceof FunctionConfig
                || node.config() instanceof WebhookConfig
                || node.config() instanceof SetVariableConfig;
    }
}
