package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.DecideConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes and which decide branches of each workflow the scenarios reached: the parts of a workflow
 * no conversation test has walked.
 *
 * @param workflows one line per workflow of the project
 */
public record Coverage(List<WorkflowCoverage> workflows) {

    /**
     * @param slug the workflow
     * @param nodes how many nodes it has
     * @param reachedNodes how many the scenarios entered
     * @param branches how many decide branches it has
     * @param takenBranches how many the scenarios took
     * @param unreached the nodes never entered and the branches never taken ({@code route -> billing})
     */
    public record WorkflowCoverage(
            String slug, int nodes, int reachedNodes, int branches, int takenBranches, List<String> unreached) {

        /** Nodes and branches reached, as a percentage of all of them. */
        public double percent() {
            int all = nodes + branches;
            return all == 0 ? 100.0 : 100.0 * (reachedNodes + takenBranches) / all;
        }
    }

    /**
     * @param visited {@code workflow/node} entered by any scenario
     * @param taken {@code workflow/node/label} taken by any scenario
     */
    public static Coverage of(Project project, Set<String> visited, Set<String> taken) {
        List<WorkflowCoverage> lines = new ArrayList<>();
        for (Workflow workflow : project.workflows()) {
            int reached = 0;
            int branches = 0;
            int branchesTaken = 0;
            List<String> unreached = new ArrayList<>();
            for (Node node : workflow.nodes()) {
                if (visited.contains(workflow.slug() + "/" + node.id())) {
                    reached++;
                } else {
                    unreached.add(node.id());
                }
                if (node.config() instanceof DecideConfig decide) {
                    for (String label : decide.labels()) {
                        branches++;
                        if (taken.contains(workflow.slug() + "/" + node.id() + "/" + label)) {
                            branchesTaken++;
                        } else {
                            unreached.add(node.id() + " -> " + label);
                        }
                    }
                }
            }
            lines.add(new WorkflowCoverage(
                    workflow.slug(),
                    workflow.nodes().size(),
                    reached,
                    branches,
                    branchesTaken,
                    List.copyOf(unreached)));
        }
        return new Coverage(List.copyOf(lines));
    }

    /**
     * The same with a line per WhatsApp flow that was walked ({@code flow:<name>}): screens shown, and
     * taps made among those the flow offers.
     *
     * @param screens the screens each flow showed, by flow name
     * @param taps the taps made in each flow ({@code SCREEN/label}), by flow name
     */
    public Coverage withFlows(Project project, Map<String, Set<String>> screens, Map<String, Set<String>> taps) {
        List<WorkflowCoverage> lines = new ArrayList<>(workflows);
        for (io.kapsocode.model.WhatsappFlow flow : project.whatsappFlows()) {
            if (!screens.containsKey(flow.name()) || flow.flowJson() == null) {
                continue;
            }
            List<String> unreached = new ArrayList<>();
            int shown = 0;
            int all = 0;
            for (com.fasterxml.jackson.databind.JsonNode screen :
                    flow.flowJson().path("screens")) {
                all++;
                if (screens.get(flow.name()).contains(screen.path("id").asText())) {
                    shown++;
                } else {
                    unreached.add(screen.path("id").asText());
                }
            }
            Set<String> offered = FlowRun.taps(flow.flowJson());
            int made = 0;
            for (String tap : offered) {
                if (taps.getOrDefault(flow.name(), Set.of()).contains(tap)) {
                    made++;
                } else {
                    unreached.add("tap " + tap);
                }
            }
            lines.add(new WorkflowCoverage(
                    "flow:" + flow.name(), all, shown, offered.size(), made, List.copyOf(unreached)));
        }
        return new Coverage(List.copyOf(lines));
    }

    /** A Markdown table, one row per workflow. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| Workflow | Nodes | Branches | Coverage | Not reached |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (WorkflowCoverage w : workflows) {
            out.append("| `")
                    .append(w.slug())
                    .append("` | ")
                    .append(w.reachedNodes())
                    .append('/')
                    .append(w.nodes())
                    .append(" | ")
                    .append(w.takenBranches())
                    .append('/')
                    .append(w.branches())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f%%", w.percent()))
                    .append(" | ")
                    .append(w.unreached().isEmpty() ? "" : "`" + String.join("`, `", w.unreached()) + "`")
                    .append(" |\n");
        }
        return out.toString();
    }

    public ObjectNode json() {
        ObjectNode out = Json.object();
        var list = out.putArray("workflows");
        for (WorkflowCoverage w : workflows) {
            ObjectNode item = list.addObject()
                    .put("slug", w.slug())
                    .put("nodes", w.nodes())
                    .put("reached_nodes", w.reachedNodes())
                    .put("branches", w.branches())
                    .put("taken_branches", w.takenBranches())
                    .put("percent", Math.round(w.percent() * 10) / 10.0);
            w.unreached().forEach(item.putArray("not_reached")::add);
        }
        return out;
    }
}
