package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.cli.RemoteMap;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.json.Json;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Workflow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fills an emulator with a project read from a folder of sources (the Kapso CLI layout as
 * {@code kapso pull} writes it, or this tool's YAML), as if Kapso held it: functions deployed, workflows
 * with their definitions, triggers and status. The ids in {@code .kapso/remote-map.json}, when the folder
 * has one, become the resources' ids, so that definitions naming functions by {@code function_id} keep
 * pointing at them; a slug reference becomes the id of the seeded resource. A team can so rehearse
 * what apply would do to a project it exported, offline.
 */
public final class EmulatorSeed {

    private EmulatorSeed() {}

    /**
     * @return one line per seeded resource, for the log
     * @throws IllegalArgumentException naming every error in the folder's sources
     */
    public static List<String> load(EmulatorState state, Path folder) {
        LoadedProject loaded = new ProjectLoader(folder, folder).load();
        List<String> errors = loaded.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::format)
                .toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("the seed " + folder + " has errors: " + String.join("; ", errors));
        }
        RemoteMap remoteMap;
        try {
            remoteMap = RemoteMap.read(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read " + folder.resolve(RemoteMap.FILE) + ": " + e.getMessage(), e);
        }
        List<String> seeded = new ArrayList<>();
        Map<String, String> functionIds = new HashMap<>();
        Map<String, String> functionIdsByName = new HashMap<>();
        for (FunctionDefinition function : loaded.project().functions()) {
            String id = remoteMap
                    .id("functions", function.slug())
                    .orElseGet(() -> UUID.randomUUID().toString());
            functionIds.put(function.slug(), id);
            functionIdsByName.put(function.name() == null ? function.slug() : function.name(), id);
            state.functionRoutes()
                    .seed(
                            id,
                            function.slug(),
                            function.name() == null ? function.slug() : function.name(),
                            function.code() == null ? "" : function.code(),
                            function.functionType() == null
                                    ? "cloudflare_worker"
                                    : function.functionType().wire(),
                            function.description());
            seeded.add("function '" + function.slug() + "' (" + id + ")");
        }
        Map<String, String> workflowIds = new HashMap<>();
        loaded.project()
                .workflows()
                .forEach(w -> workflowIds.put(
                        w.slug(),
                        remoteMap
                                .id("workflows", w.slug())
                                .orElseGet(() -> UUID.randomUUID().toString())));
        for (Workflow workflow : loaded.project().workflows()) {
            String id = workflowIds.get(workflow.slug());
            CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
            // the project's own models are in its catalogue, as in the Kapso project it came from
            for (JsonNode node : compiled.definition().path("nodes")) {
                JsonNode model = node.path("data").path("config").path("provider_model_name");
                if (model.isTextual() && !state.hasProviderModel(model.textValue())) {
                    state.addProviderModel(model.textValue());
                }
            }
            ObjectNode metadata = compiled.metadata();
            synchronized (state) {
                ObjectNode created = state.createWorkflow(
                        id,
                        workflow.name() == null ? workflow.slug() : workflow.name(),
                        workflow.slug(),
                        metadata.get("description"));
                for (String key : List.of("status", "message_debounce_seconds", "inbound_message_read_mode")) {
                    if (metadata.hasNonNull(key)) {
                        created.set(key, metadata.get(key));
                    }
                }
                state.saveWorkflow(created);
                state.applyDefinition(id, byId(compiled.definition(), functionIds, functionIdsByName, workflowIds));
                List<ObjectNode> triggers = new ArrayList<>();
                for (JsonNode item : compiled.triggers()) {
                    Routes.trigger(id, item).ifPresentOrElse(triggers::add, () -> {
                        throw new IllegalArgumentException("the seed's workflow '" + workflow.slug()
                                + "' has a trigger Kapso would refuse: " + Json.compact(item));
                    });
                }
                state.replaceTriggers(id, triggers);
            }
            seeded.add("workflow '" + workflow.slug() + "' (" + id + ")");
        }
        return seeded;
    }

    /**
     * Slug and name references as the seeded ids, as Kapso stores them (it keeps a function by id and
     * returns its name beside); ids given in the sources stay.
     */
    private static JsonNode byId(
            ObjectNode definition,
            Map<String, String> functionIds,
            Map<String, String> functionIdsByName,
            Map<String, String> workflowIds) {
        for (JsonNode node : definition.path("nodes")) {
            JsonNode config = node.path("data").path("config");
            if (config.isObject()) {
                function((ObjectNode) config, functionIds, functionIdsByName);
                slugToId((ObjectNode) config, "workflow_slug", "workflow_id", workflowIds);
                config.path("flow_agent_function_tools").forEach(tool -> {
                    if (tool.isObject()) {
                        function((ObjectNode) tool, functionIds, functionIdsByName);
                    }
                });
            }
        }
        return definition;
    }

    private static void function(ObjectNode holder, Map<String, String> bySlug, Map<String, String> byName) {
        slugToId(holder, "function_slug", "function_id", bySlug);
        slugToId(holder, "function_name", "function_id", byName);
    }

    private static void slugToId(ObjectNode holder, String slugKey, String idKey, Map<String, String> ids) {
        JsonNode slug = holder.remove(slugKey);
        if (slug != null && slug.isTextual() && !holder.path(idKey).isTextual()) {
            Optional.ofNullable(ids.get(slug.textValue())).ifPresent(id -> holder.put(idKey, id));
        }
    }
}
