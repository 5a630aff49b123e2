package io.kapsocode.plan;

import io.kapsocode.model.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Workflows in the order of their {@code call} graph, callees first, so that a workflow is written
 * after every workflow it calls. A call cycle is legal in Kapso; its members keep slug order.
 */
final class CallOrder {

    private CallOrder() {}

    /** @param dependencies what each workflow references, as {@link Dependencies} addresses */
    static List<Workflow> calleesFirst(List<Workflow> workflows, Function<Workflow, Set<String>> dependencies) {
        Map<String, Workflow> bySlug = new TreeMap<>();
        workflows.forEach(w -> bySlug.put(w.slug(), w));
        List<Workflow> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (Workflow workflow : bySlug.values()) {
            visit(workflow, bySlug, dependencies, visited, ordered);
        }
        return ordered;
    }

    private static void visit(
            Workflow workflow,
            Map<String, Workflow> bySlug,
            Function<Workflow, Set<String>> dependencies,
            Set<String> visited,
            List<Workflow> out) {
        if (!visited.add(workflow.slug())) {
            return;
        }
        dependencies.apply(workflow).stream()
                .filter(d -> d.startsWith(Dependencies.WORKFLOW))
                .map(d -> d.substring(Dependencies.WORKFLOW.length()))
                .sorted(Comparator.naturalOrder())
                .map(bySlug::get)
                .filter(java.util.Objects::nonNull)
                .forEach(callee -> visit(callee, bySlug, dependencies, visited, out));
        out.add(workflow);
    }
}
