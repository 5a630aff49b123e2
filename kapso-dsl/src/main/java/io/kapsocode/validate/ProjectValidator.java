package io.kapsocode.validate;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.CallConfig;
import io.kapsocode.model.trigger.InboundMessageTrigger;
import io.kapsocode.model.trigger.Trigger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;

/**
 * Checks a whole project offline: each workflow ({@link WorkflowValidator}), each function and WhatsApp
 * Flow, and the rules across them (references, workflows calling each other in a cycle, two active
 * inbound triggers on one phone number). Every problem is collected; nothing stops at the first.
 */
public final class ProjectValidator {

    private ProjectValidator() {}

    /** Every diagnostic of the project, sorted by file, line and column. */
    public static List<Diagnostic> validate(Project project) {
        return validate(project, Set.of());
    }

    /** The same, where the target API also has the raw node types {@code moreNodeTypes}. */
    private static List<Diagnostic> validate(Project project, Set<String> moreNodeTypes) {
        Diagnostics out = new Diagnostics();
        project.workflows().forEach(workflow -> WorkflowValidator.validate(workflow, moreNodeTypes, out));
        project.functions().forEach(function -> FunctionRules.check(function, out));
        project.whatsappFlows().forEach(flow -> FunctionRules.check(flow, out));
        References.check(project, out);
        FlowWiring.check(project, out);
        callCycles(project, out);
        inboundTriggers(project, out);
        return Suppressions.apply(project, out.sorted());
    }

    /**
     * Every diagnostic of a project that targets Kapso's legacy flows API: the same rules, where that API
     * has a {@code pipedream} node (kept as a raw node), plus what it lacks: node and trigger types,
     * functions and WhatsApp flows (errors), and settings it does not keep (warnings).
     */
    public static List<Diagnostic> validateForLegacyApi(Project project) {
        Diagnostics out = new Diagnostics();
        out.addAll(validate(project, LegacyApiRules.MORE_NODE_TYPES));
        LegacyApiRules.check(project, out); // facts of the target: not silenced by a node's suppress
        return out.sorted();
    }

    /** A calls B calls A never ends: each call starts a new execution of the callee. */
    private static void callCycles(Project project, Diagnostics out) {
        Graph<String, DefaultEdge> calls = GraphRules.graph();
        Map<String, Node> firstCall = new HashMap<>();
        project.workflows().forEach(w -> calls.addVertex(w.slug()));
        for (Workflow workflow : project.workflows()) {
            for (Node node : workflow.nodes()) {
                if (node.config() instanceof CallConfig call
                        && call.workflowSlug() != null
                        && calls.containsVertex(call.workflowSlug())) {
                    calls.addEdge(workflow.slug(), call.workflowSlug());
                    firstCall.putIfAbsent(workflow.slug() + "\n" + call.workflowSlug(), node);
                }
            }
        }
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(calls).stronglyConnectedSets()) {
            for (Workflow workflow : project.workflows()) {
                if (!component.contains(workflow.slug())) {
                    continue;
                }
                boolean selfLoop = calls.containsEdge(workflow.slug(), workflow.slug());
                if (component.size() == 1 && !selfLoop) {
                    continue;
                }
                for (Node node : workflow.nodes()) {
                    if (node.config() instanceof CallConfig call && component.contains(call.workflowSlug())) {
                        new Findings(out, workflow.subject(), workflow.sourceMap())
                                .error(
                                        "call_cycle",
                                        "nodes." + node.id() + ".workflow_slug",
                                        "call node '" + node.id() + "' calls '" + call.workflowSlug()
                                                + "', which leads back to '" + workflow.slug() + "' (workflows "
                                                + String.join(", ", new TreeSet<>(component))
                                                + " call each other in a loop); break the loop");
                    }
                }
            }
        }
    }

    /** Kapso routes a number's inbound messages to one workflow: two active triggers on it conflict. */
    private static void inboundTriggers(Project project, Diagnostics out) {
        Map<String, String> owner = new HashMap<>();
        for (Workflow workflow : project.workflows()) {
            for (int i = 0; i < workflow.triggers().size(); i++) {
                Trigger trigger = workflow.triggers().get(i);
                if (!(trigger instanceof InboundMessageTrigger inbound)
                        || !trigger.isActive()
                        || inbound.phoneNumberId() == null) {
                    continue;
                }
                String first = owner.putIfAbsent(inbound.phoneNumberId(), workflow.slug());
                if (first != null) {
                    new Findings(out, workflow.subject(), workflow.sourceMap())
                            .error(
                                    "duplicate_inbound_trigger",
                                    "triggers." + i,
                                    "phone number " + inbound.phoneNumberId() + " already has an active"
                                            + " inbound_message trigger in workflow '" + first + "'; deactivate"
                                            + " one (active: false) or use another number");
                }
            }
        }
    }
}
