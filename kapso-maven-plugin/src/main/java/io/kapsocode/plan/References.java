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

    /** One kind of reference: name to id and back. */
    private static final class Names {
        private final Map<String, String> ids = new ConcurrentHashMap<>();
        private final Map<String, String> names = new ConcurrentHashMap<>();

        void put(String name, String id) {
            ids.put(name, id);
            names.put(id, name);
        }

        Optional<String> id(String name) {
            return Optional.ofNullable(ids.get(name));
        }

        Optional<String> name(String id) {
            return Optional.ofNullable(names.get(id));
        }
    }

    private final Names functions = new Names();
    private final Names workflows = new Names();
    private final Names flows = new Names();
    private final Names models = new Names();
    private final Map<String, String> functionSlugsByName = new ConcurrentHashMap<>();
    private boolean modelsRead;

    public static References of(RemoteProject remote) {
        References refs = new References();
        remote.workflows()
                .forEach(
                        w -> refs.workflow(w.path("slug").asText(), w.path("id").asText()));
        remote.functions().values().forEach(f -> {
            refs.function(f.slug(), f.id());
            String name = f.function().path("name").asText("");
            if (!name.isEmpty()) {
                refs.functionSlugsByName.putIfAbsent(name, f.slug());
            }
        });
        remote.flows().values().forEach(f -> refs.flow(f.name(), f.metaFlowId()));
        refs.modelsRead = !remote.providerModels().isEmpty();
        for (ObjectNode model : remote.providerModels()) {
            refs.models.put(model.path("name").asText(), model.path("id").asText());
        }
        return refs;
    }

    public void function(String slug, String id) {
        functions.put(slug, id);
    }

    public void workflow(String slug, String id) {
        workflows.put(slug, id);
    }

    public void flow(String name, String metaFlowId) {
        flows.put(name, metaFlowId);
    }

    public Optional<String> functionId(String slug) {
        return functions.id(slug);
    }

    public Optional<String> functionSlug(String id) {
        return functions.name(id);
    }

    /** The slug of the remote function with this display name. */
    public Optional<String> functionSlugByName(String name) {
        return Optional.ofNullable(functionSlugsByName.get(name));
    }

    /** Whether Kapso's model list was read, so that a model id missing from it is unknown to Kapso. */
    public boolean knowsModels() {
        return modelsRead;
    }

    public Optional<String> workflowId(String slug) {
        return workflows.id(slug);
    }

    public Optional<String> workflowSlug(String id) {
        return workflows.name(id);
    }

    public Optional<String> flowMetaId(String name) {
        return flows.id(name);
    }

    public Optional<String> flowName(String metaFlowId) {
        return flows.name(metaFlowId);
    }

    public Optional<String> modelId(String name) {
        return models.id(name);
    }

    public Optional<String> modelName(String id) {
        return models.name(id);
    }
}
