package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * Where the runtime finds what it runs: a project's sources (workflows by slug, functions by slug), or a
 * project as Kapso stores it (workflows by id, functions by id), as the emulator runs it.
 */
public interface WorkflowSource {

    /**
     * A workflow's definition in Kapso's shape: {@code nodes} with {@code data.node_type} and
     * {@code data.config} (webhook headers and bodies as JSON, not as JSON strings), {@code edges} with
     * {@code source}, {@code label} and {@code target}.
     *
     * @param workflow what a start or a {@code call} node names it by
     */
    Optional<JsonNode> definition(String workflow);

    /** The workflows there are, for messages. */
    List<String> workflows();

    /**
     * The function a node's config (or an agent tool) names, as a scenario stubs it: by slug when the
     * config gives one or the source can tell it, else by the name or id it gives.
     */
    default String function(JsonNode config) {
        String slug = config.path("function_slug").asText("");
        if (!slug.isEmpty()) {
            return slug;
        }
        String name = config.path("function_name").asText("");
        return name.isEmpty() ? config.path("function_id").asText("") : name;
    }

    /** A project's sources, compiled: workflows and functions by slug. */
    static WorkflowSource of(Project project) {
        return new WorkflowSource() {
            @Override
            public Optional<JsonNode> definition(String workflow) {
                return project.workflow(workflow).map(WorkflowCompiler::definition);
            }

            @Override
            public List<String> workflows() {
                return project.workflows().stream().map(Workflow::slug).toList();
            }

            @Override
            public String function(JsonNode config) {
                String named = WorkflowSource.super.function(config);
                if (!config.path("function_slug").asText("").isEmpty()) {
                    return named;
                }
                return project.functions().stream()
                        .filter(f -> named.equals(f.name()))
                        .map(FunctionDefinition::slug)
                        .findFirst()
                        .orElse(named);
            }
        };
    }
}
