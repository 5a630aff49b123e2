package io.kapsocode.validate;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.model.DecisionType;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.CallConfig;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.model.node.SendInteractiveConfig;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * References by name between the elements of a project. Functions and workflows may live only in Kapso,
 * so a name not defined here is a warning offline, and {@code kapso:plan} checks it against the remote
 * project; a WhatsApp Flow name is always local, so an unknown one is an error.
 */
final class References {

    private final Set<String> functions;
    private final Set<String> workflows;
    private final Set<String> flows;

    private References(Project project) {
        functions = project.functions().stream()
                .map(FunctionDefinition::slug)
                .collect(Collectors.toCollection(TreeSet::new));
        workflows = project.workflows().stream().map(Workflow::slug).collect(Collectors.toCollection(TreeSet::new));
        flows = project.whatsappFlows().stream().map(WhatsappFlow::name).collect(Collectors.toCollection(TreeSet::new));
    }

    static void check(Project project, Diagnostics out) {
        References references = new References(project);
        for (Workflow workflow : project.workflows()) {
            Findings findings = new Findings(out, workflow.subject(), workflow.sourceMap());
            workflow.nodes().forEach(node -> references.node(node, findings));
        }
        for (WhatsappFlow flow : project.whatsappFlows()) {
            if (flow.dataEndpointFunction() != null) {
                references.function(
                        flow.dataEndpointFunction(),
                        "data_endpoint_function",
                        flow.subject(),
                        new Findings(out, flow.subject(), flow.sourceMap()));
            }
        }
    }

    private void node(Node node, Findings findings) {
        String path = "nodes." + node.id();
        String owner = node.nodeType() + " node '" + node.id() + "'";
        if (node.config() instanceof FunctionConfig f) {
            function(f.functionSlug(), path + ".function_slug", owner, findings);
        } else if (node.config() instanceof DecideConfig d && d.decisionType() == DecisionType.FUNCTION) {
            function(d.functionSlug(), path + ".function_slug", owner, findings);
        } else if (node.config() instanceof AgentConfig a) {
            for (int i = 0; i < a.flowAgentFunctionTools().size(); i++) {
                function(
                        a.flowAgentFunctionTools().get(i).functionSlug(),
                        path + ".flow_agent_function_tools." + i + ".function_slug",
                        owner,
                        findings);
            }
        } else if (node.config() instanceof CallConfig c) {
            if (c.workflowSlug() != null && !c.workflowSlug().isBlank() && !workflows.contains(c.workflowSlug())) {
                findings.warning(
                        "unresolved_workflow",
                        path + ".workflow_slug",
                        owner + " calls workflow '" + c.workflowSlug() + "', which this project does not define"
                                + Suggestions.didYouMean(c.workflowSlug(), workflows)
                                + "; kapso:plan checks that it exists in Kapso");
            }
        } else if (node.config() instanceof SendInteractiveConfig i) {
            String name = i.whatsappFlowName();
            if (name != null && !name.isBlank() && !flows.contains(name)) {
                findings.error(
                        "unknown_whatsapp_flow",
                        path + ".whatsapp_flow_name",
                        owner + " opens WhatsApp flow '" + name + "', which this project does not define"
                                + Suggestions.didYouMean(name, flows) + "; add flows/" + name
                                + "/flow.yaml or use 'flow_id' for a flow managed elsewhere");
            }
        }
    }

    private void function(String slug, String path, String owner, Findings findings) {
        if (slug != null && !slug.isBlank() && !functions.contains(slug)) {
            findings.warning(
                    "unresolved_function",
                    path,
                    owner + " uses function '" + slug + "', which this project does not define"
                            + Suggestions.didYouMean(slug, functions) + "; kapso:plan checks that it exists in Kapso");
        }
    }
}
