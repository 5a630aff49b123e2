package io.kapsocode.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.remote.RemoteProject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Both directions between the names sources use and the ids Kapso stores: function and workflow slugs,
 * WhatsApp flow names (to Meta flow ids) and provider model names. Apply adds the ids of what it creates.
 */
public final class References {

    private final Map<String, String> functionIds = new ConcurrentHashMap<>();
    private final Map<String, String> functionSlugs = new ConcurrentHashMap<>();
    private final Map<String, String> workflowIds = new ConcurrentHashMap<>();
    private final Map<String, String> workflowSlugs = new ConcurrentHashMap<>();
    private final Map<String, String> flowMetaIds = new ConcurrentHashMap<>();
    private final Map<String, String> flowNames = new ConcurrentHashMap<>();
    private final Map<String, String> modelIds = new ConcurrentHashMap<>();
    private final Map<String, String> modelNames = new ConcurrentHashMap<>();

    public static References of(RemoteProject remote) {
        References refs = new References();
        remote.workflows()
                .forEach(
                        w -> refs.workflow(w.path("slug").asText(), w.path("id").asText()));
        remote.functions().values().forEach(f -> refs.function(f.slug(), f.id()));
        remote.flows().values().forEach(f -> refs.flow(f.name(), f.metaFlowId()));
        for (ObjectNode model : remote.providerModels()) {
            refs.modelIds.put(model.path("name").asText(), model.path("id").asText());
            refs.modelNames.put(model.path("id").asText(), model.path("name").asText());
        }
        return refs;
    }

    public void function(String slug, String id) {
        functionIds.put(slug, id);
        functionSlugs.put(id, slug);
    }

    public void workflow(String slug, String id) {
        workflowIds.put(slug, id);
        workflowSlugs.put(id, slug);
    }

    public void flow(String name, String metaFlowId) {
        flowMetaIds.put(name, metaFlowId);
        flowNames.put(metaFlowId, name);
    }

    public Optional<String> functionId(String slug) {
        return Optional.ofNullable(functionIds.get(slug));
    }

    public Optional<String> functionSlug(String id) {
        return Optional.ofNullable(functionSlugs.get(id));
    }

    public Optional<String> workflowId(String slug) {
        return Optional.ofNullable(workflowIds.get(slug));
    }

    public Optional<String> workflowSlug(String id) {
        return Optional.ofNullable(workflowSlugs.get(id));
    }

    public Optional<String> flowMetaId(String name) {
        return Optional.ofNullable(flowMetaIds.get(name));
    }

    public Optional<String> flowName(String metaFlowId) {
        return Optional.ofNullable(flowNames.get(metaFlowId));
    }

    public Optional<String> modelId(String name) {
        return Optional.ofNullable(modelIds.get(name));
    }

    public Optional<String> modelName(String id) {
        return Optional.ofNullable(modelNames.get(id));
    }
}
