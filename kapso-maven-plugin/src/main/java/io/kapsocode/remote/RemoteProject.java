package io.kapsocode.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Kapso project holds, read once per plan. Workflows not in the sources are known by their list
 * entry only: their definitions are never fetched.
 *
 * @param workflows every workflow, as GET /workflows lists it
 * @param details the workflows the sources also hold, by slug, with definition and triggers
 * @param functions the functions, by slug
 * @param flows the WhatsApp flows, by name
 * @param providerModels the models, when the sources name one; empty otherwise
 */
public record RemoteProject(
        List<ObjectNode> workflows,
        Map<String, RemoteWorkflow> details,
        Map<String, RemoteFunction> functions,
        Map<String, RemoteFlow> flows,
        List<ObjectNode> providerModels) {

    public RemoteProject {
        workflows = List.copyOf(workflows);
        details = Map.copyOf(details);
        functions = Map.copyOf(functions);
        flows = Map.copyOf(flows);
        providerModels = List.copyOf(providerModels);
    }

    public Optional<ObjectNode> workflowSummary(String slug) {
        return workflows.stream()
                .filter(w -> w.path("slug").asText().equals(slug))
                .findFirst();
    }

    public Optional<RemoteWorkflow> workflow(String slug) {
        return Optional.ofNullable(details.get(slug));
    }

    public Optional<RemoteFunction> function(String slug) {
        return Optional.ofNullable(functions.get(slug));
    }

    public Optional<RemoteFlow> flow(String name) {
        return Optional.ofNullable(flows.get(name));
    }
}
