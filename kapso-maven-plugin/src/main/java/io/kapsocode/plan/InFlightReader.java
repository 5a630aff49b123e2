package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApi;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.remote.ReadPool;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteWorkflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Finds who stands in the graphs a plan changes: for each workflow whose definition changes, the
 * executions that wait, run or are in handoff ({@code GET /workflows/{id}/executions?status=...}, three
 * cursor lists, {@code concurrency} at a time), and for the workflows that call it, those waiting at
 * the call node. Nothing is read for a plan that changes no definition.
 */
public final class InFlightReader {

    static final List<String> STATUSES = List.of("waiting", "running", "handoff");

    private InFlightReader() {}

    /** The plan with the conversations in flight in each workflow whose definition it changes. */
    public static Plan read(Plan plan, Project project, RemoteProject remote, KapsoApi client, int concurrency) {
        Map<String, Map<String, InFlight.Impact>> impacts = impacts(plan, project, remote);
        if (impacts.isEmpty()) {
            return plan;
        }
        Set<String> toRead = new TreeSet<>();
        impacts.forEach((changed, byNode) -> {
            toRead.add(changed);
            byNode.keySet().forEach(key -> toRead.add(key.substring(0, key.indexOf('/'))));
        });
        Map<String, List<ObjectNode>> executions = executions(toRead, remote, client, concurrency);
        Map<String, InFlight> inFlight = new TreeMap<>();
        impacts.forEach((changed, byNode) -> {
            List<ObjectNode> own = executions.getOrDefault(changed, List.of());
            List<InFlight.Affected> affected = new ArrayList<>();
            byNode.forEach((key, impact) -> {
                String workflow = key.substring(0, key.indexOf('/'));
                String node = key.substring(key.indexOf('/') + 1);
                List<ObjectNode> there = executions.getOrDefault(workflow, List.of()).stream()
                        .filter(e -> node.equals(
                                e.path("current_step").path("identifier").asText()))
                        .toList();
                if (!there.isEmpty()) {
                    affected.add(new InFlight.Affected(
                            workflow,
                            node,
                            impact,
                            count(there, "waiting"),
                            count(there, "running"),
                            count(there, "handoff"),
                            there.stream()
                                    .map(e -> e.path("tracking_id")
                                            .asText(e.path("id").asText()))
                                    .filter(id -> !id.isEmpty())
                                    .limit(InFlight.SHOWN_TRACKING_IDS)
                                    .toList()));
                }
            });
            Map<String, Integer> waitingAt = new TreeMap<>();
            own.stream()
                    .filter(e -> "waiting".equals(e.path("status").asText()))
                    .forEach(e -> waitingAt.merge(
                            e.path("current_step").path("identifier").asText(), 1, Integer::sum));
            inFlight.put(
                    changed,
                    new InFlight(
                            count(own, "waiting"), count(own, "running"), count(own, "handoff"), waitingAt, affected));
        });
        return plan.withInFlight(inFlight);
    }

    /**
     * For each workflow whose definition changes, the nodes the change touches, as {@code workflow/node}:
     * its own removed, retyped, rewired or retargeted nodes, and its callers' call nodes.
     */
    static Map<String, Map<String, InFlight.Impact>> impacts(Plan plan, Project project, RemoteProject remote) {
        Map<String, String> slugsById = new HashMap<>();
        remote.workflows()
                .forEach(
                        w -> slugsById.put(w.path("id").asText(), w.path("slug").asText()));
        Set<String> changed = new LinkedHashSet<>();
        for (ResourceChange resource : plan.resources()) {
            if (resource.kind() == ResourceKind.WORKFLOW
                    && resource.action() == Action.UPDATE
                    && (resource.has("nodes") || resource.has("edges"))) {
                changed.add(resource.key());
            }
        }
        Map<String, Map<String, InFlight.Impact>> impacts = new LinkedHashMap<>();
        for (String slug : changed) {
            Map<String, InFlight.Impact> byNode = new LinkedHashMap<>(); // its own nodes first, then callers'

            Graph before = remote.workflow(slug)
                    .map(RemoteWorkflow::workflow)
                    .map(w -> new Graph(w.path("definition"), slugsById))
                    .orElse(null);
            Graph after = project.workflow(slug)
                    .map(w -> new Graph(WorkflowCompiler.definition(w), slugsById))
                    .orElse(null);
            if (before == null || after == null) {
                continue;
            }
            for (String node : new TreeSet<>(before.types.keySet())) {
                InFlight.Impact impact = !after.types.containsKey(node)
                        ? InFlight.Impact.REMOVED
                        : !before.types.get(node).equals(after.types.get(node))
                                ? InFlight.Impact.RETYPED
                                : !before.outgoing(node).equals(after.outgoing(node))
                                        ? InFlight.Impact.REWIRED
                                        : !Objects.equals(before.callees.get(node), after.callees.get(node))
                                                ? InFlight.Impact.CALL_CHANGED
                                                : null;
                if (impact != null) {
                    byNode.put(slug + "/" + node, impact);
                }
            }
            impacts.put(slug, byNode);
        }
        for (Workflow caller : project.workflows()) {
            if (remote.workflow(caller.slug()).isEmpty()) {
                continue;
            }
            Graph graph = new Graph(WorkflowCompiler.definition(caller), slugsById);
            graph.callees.forEach((node, callee) -> {
                String key = caller.slug() + "/" + node;
                if (changed.contains(callee)
                        && !impacts.getOrDefault(caller.slug(), Map.of()).containsKey(key)) {
                    impacts.get(callee).put(key, InFlight.Impact.CALLEE_CHANGED);
                }
            });
        }
        return impacts;
    }

    /** What of a definition the conversations standing in it depend on. */
    private static final class Graph {
        final Map<String, String> types = new HashMap<>();
        final Map<String, Set<String>> edges = new HashMap<>();
        /** The slug (or id, when unknown) each call node calls. */
        final Map<String, String> callees = new HashMap<>();

        Graph(JsonNode definition, Map<String, String> slugsById) {
            for (JsonNode node : definition.path("nodes")) {
                String id = node.path("id").asText();
                String type = node.path("data").path("node_type").asText();
                types.put(id, type);
                if (type.equals("call")) {
                    JsonNode config = node.path("data").path("config");
                    String slug = config.path("workflow_slug").asText("");
                    String workflowId = config.path("workflow_id").asText("");
                    callees.put(id, !slug.isEmpty() ? slug : slugsById.getOrDefault(workflowId, workflowId));
                }
            }
            for (JsonNode edge : definition.path("edges")) {
                edges.computeIfAbsent(edge.path("source").asText(), k -> new TreeSet<>())
                        .add(edge.path("label").asText("next") + "->"
                                + edge.path("target").asText());
            }
        }

        Set<String> outgoing(String node) {
            return edges.getOrDefault(node, Set.of());
        }
    }

    private static Map<String, List<ObjectNode>> executions(
            Set<String> slugs, RemoteProject remote, KapsoApi client, int concurrency) {
        ExecutorService pool = ReadPool.open("kapso-in-flight", concurrency);
        try {
            Map<String, List<CompletableFuture<List<ObjectNode>>>> pending = new LinkedHashMap<>();
            for (String slug : slugs) {
                String id = remote.workflow(slug).map(RemoteWorkflow::id).orElse(null);
                if (id == null) {
                    continue;
                }
                for (String status : STATUSES) {
                    pending.computeIfAbsent(slug, k -> new ArrayList<>())
                            .add(CompletableFuture.supplyAsync(
                                    () -> client.listExecutions(id, Map.of("status", status)), pool));
                }
            }
            Map<String, List<ObjectNode>> executions = new HashMap<>();
            pending.forEach((slug, futures) -> {
                List<ObjectNode> all = new ArrayList<>();
                futures.forEach(f -> all.addAll(ReadPool.join(f)));
                executions.put(slug, all);
            });
            return executions;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(List<ObjectNode> executions, String status) {
        return (int) executions.stream()
                .filter(e -> status.equals(e.path("status").asText()))
                .count();
    }
}
