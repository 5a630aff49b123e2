package io.kapsocode.validate;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the diagnostics a node silences with {@code suppress: {code: reason}}, for the node itself and
 * the edges leaving it. A suppression that silences nothing is reported, so stale ones do not pile up.
 */
final class Suppressions {

    private Suppressions() {}

    static List<Diagnostic> apply(Project project, List<Diagnostic> diagnostics) {
        Map<String, Workflow> bySubject = new HashMap<>();
        Map<String, Node> suppressing = new HashMap<>();
        for (Workflow workflow : project.workflows()) {
            bySubject.put(workflow.subject(), workflow);
            workflow.nodes().stream()
                    .filter(n -> !n.suppressions().isEmpty())
                    .forEach(n -> suppressing.put(workflow.slug() + "\n" + n.id(), n));
        }
        Set<String> used = new HashSet<>();
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            Workflow workflow = bySubject.get(diagnostic.subject());
            String nodeId = workflow == null ? null : nodeOf(diagnostic.path());
            Node node = nodeId == null ? null : suppressing.get(workflow.slug() + "\n" + nodeId);
            if (node != null && node.suppressions().containsKey(diagnostic.code())) {
                used.add(workflow.slug() + "\n" + nodeId + "\n" + diagnostic.code());
            } else {
                kept.add(diagnostic);
            }
        }
        Diagnostics unused = new Diagnostics();
        for (Workflow workflow : project.workflows()) {
            Findings findings = new Findings(unused, workflow.subject(), workflow.sourceMap());
            for (Node node : workflow.nodes()) {
                for (String code : node.suppressions().keySet()) {
                    if (!used.contains(workflow.slug() + "\n" + node.id() + "\n" + code)) {
                        findings.warning(
                                "unused_suppression",
                                "nodes." + node.id() + ".suppress." + code,
                                "node '" + node.id() + "' suppresses '" + code + "', but no such diagnostic is"
                                        + " reported for it; remove the suppression or fix the code");
                    }
                }
            }
        }
        kept.addAll(unused.sorted());
        kept.sort(Diagnostic.ORDER);
        return kept;
    }

    /** {@code nodes.a.message} and {@code edges.a.next.b} belong to node {@code a}. */
    private static String nodeOf(String path) {
        String[] parts = path.split("\\.", 3);
        if (parts.length >= 2 && (parts[0].equals("nodes") || parts[0].equals("edges"))) {
            return parts[1];
        }
        return null;
    }
}
