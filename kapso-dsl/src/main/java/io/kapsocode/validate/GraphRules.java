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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
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
        // vertices are node indexes in authoring order: integer keys hash evenly and cheaply
        List<Node> byIndex = new ArrayList<>(nodes.values());
        Map<String, Integer> index = new HashMap<>(byIndex.size() * 2);
        Graph<Integer, DefaultEdge> graph = graph();
        for (int i = 0; i < byIndex.size(); i++) {
            index.put(byIndex.get(i).id(), i);
            graph.addVertex(i);
        }
        outgoing.values()
                .forEach(edges -> edges.forEach(e -> graph.addEdge(index.get(e.source()), index.get(e.target()))));

        boolean[] reachable = new boolean[byIndex.size()];
        Integer start = index.get(StartConfig.ID);
        if (start != null && !danglingEdges) {
            new BreadthFirstIterator<>(graph, start).forEachRemaining(i -> reachable[i] = true);
            for (int i = 0; i < byIndex.size(); i++) {
                if (!reachable[i]) {
                    Node node = byIndex.get(i);
                    findings.warning(
                            "unreachable_node",
                            "nodes." + node.id(),
                            node.nodeType() + " node '" + node.id() + "' cannot be reached from 'start'; connect it"
                                    + " or remove it");
                }
            }
        }
        spinningCycles(graph, byIndex, findings);
        for (int i = 0; i < byIndex.size(); i++) {
            Node node = byIndex.get(i);
            if (!continuing.contains(node.id()) && (danglingEdges || reachable[i]) && endsWithoutPurpose(node)) {
                findings.warning(
                        "dead_end",
                        "nodes." + node.id(),
                        "the workflow stops after " + node.nodeType() + " node '" + node.id() + "', so what it "
                                + (node.config() instanceof WaitForResponseConfig ? "waits for" : "produces")
                                + " is never used; give it a 'next' or end with a message");
            }
        }
    }

    /**
     * A directed pseudograph (a decide node may reach one node by two labels) built for speed on large
     * workflows: {@link DefaultEdge} keeps its ends inside the edge instead of in a map, and no
     * source-target index is kept, as the rules never query one.
     */
    static <V> Graph<V, DefaultEdge> graph() {
        return new AbstractBaseGraph<V, DefaultEdge>(
                null,
                DefaultEdge::new,
                DefaultGraphType.directedPseudograph(),
                new DefaultGraphSpecificsStrategy<>()) {};
    }

    /** A cycle with no node that waits for the user loops without end and burns the execution. */
    private static void spinningCycles(Graph<Integer, DefaultEdge> graph, List<Node> nodes, Findings findings) {
        for (Set<Integer> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (component.size() == 1) {
                Integer only = component.iterator().next();
                if (!graph.containsEdge(only, only) || pauses(nodes.get(only))) {
                    continue;
                }
            } else if (component.stream().map(nodes::get).anyMatch(GraphRules::pauses)) {
                continue;
            }
            List<String> members =
                    component.stream().sorted().map(i -> nodes.get(i).id()).toList();
            String first = members.get(0);
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
