package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import java.util.List;
import java.util.Optional;

/**
 * Sources may name a function or a workflow by Kapso id (as GET /definition returns them) or a function by
 * its display name alone (as some exports do). This rewrites every such reference to its slug, checked
 * against the remote project, so that the plan compares and apply writes one form: an id and the slug it
 * stands for are the same reference. An id that is the only reference and that Kapso does not know, an id
 * and a slug that name two different resources, and a name that matches no function are problems reported
 * before anything is written. Beside a slug, an id this project does not know is left aside: Kapso CLI
 * trees carry the ids of the project they were pulled from, and the slug is what holds across projects.
 */
public final class SourceReferences {

    private SourceReferences() {}

    /**
     * @param subject how messages name the workflow, such as {@code workflow 'support'}
     * @param definition the compiled definition, left unchanged
     * @param problems where problems are added
     * @return the definition with every reference by slug where it could be resolved
     */
    public static ObjectNode resolve(
            String subject, JsonNode definition, References refs, Project project, List<String> problems) {
        ObjectNode out = definition.deepCopy();
        for (JsonNode node : out.path("nodes")) {
            JsonNode config = node.path("data").path("config");
            if (!config.isObject()) {
                continue;
            }
            String owner = subject + " node '" + node.path("id").asText() + "'";
            function((ObjectNode) config, owner, refs, project, problems);
            config.path("flow_agent_function_tools").forEach(tool -> {
                if (tool.isObject()) {
                    function(
                            (ObjectNode) tool,
                            owner + " tool '" + tool.path("name").asText() + "'",
                            refs,
                            project,
                            problems);
                }
            });
            workflow((ObjectNode) config, owner, refs, problems);
            ComparableForm.text(config, "provider_model_id")
                    .filter(id -> refs.modelName(id).isEmpty() && refs.knowsModels())
                    .filter(id ->
                            ComparableForm.text(config, "provider_model_name").isEmpty())
                    .ifPresent(id -> problems.add(owner + " names provider model id '" + id + "', which is not in"
                            + " Kapso's model list (GET /provider_models); name the model by provider_model_name"));
        }
        return out;
    }

    private static void function(
            ObjectNode holder, String owner, References refs, Project project, List<String> problems) {
        Optional<String> slug = ComparableForm.text(holder, "function_slug");
        Optional<String> id = ComparableForm.text(holder, "function_id");
        Optional<String> name = ComparableForm.text(holder, "function_name");
        if (id.isPresent()) {
            Optional<String> known = refs.functionSlug(id.get());
            if (known.isEmpty() && slug.isPresent()) {
                replace(holder, slug.get());
            } else if (known.isEmpty()) {
                problems.add(owner + " names function id '" + id.get() + "', which is no function of the Kapso"
                        + " project; fix the id, or name the function by function_slug");
            } else if (slug.isPresent() && !slug.get().equals(known.get())) {
                problems.add(owner + " names function '" + slug.get() + "' by function_slug but function_id '"
                        + id.get() + "', which is function '" + known.get() + "' in Kapso; keep one of the two");
            } else {
                replace(holder, known.get());
            }
        } else if (slug.isEmpty() && name.isPresent()) {
            Optional<String> byName = project.functions().stream()
                    .filter(f -> name.get().equals(f.name()) || name.get().equals(f.slug()))
                    .map(FunctionDefinition::slug)
                    .findFirst()
                    .or(() -> refs.functionSlugByName(name.get()));
            if (byName.isEmpty()) {
                problems.add(owner + " names function '" + name.get() + "' by function_name only, and no function"
                        + " in the sources or in Kapso has that name; name it by function_slug");
            } else {
                replace(holder, byName.get());
            }
        }
    }

    private static void replace(ObjectNode holder, String slug) {
        holder.remove("function_id");
        holder.remove("function_name");
        holder.put("function_slug", slug);
    }

    private static void workflow(ObjectNode config, String owner, References refs, List<String> problems) {
        Optional<String> id = ComparableForm.text(config, "workflow_id");
        if (id.isEmpty()) {
            return;
        }
        Optional<String> slug = ComparableForm.text(config, "workflow_slug");
        Optional<String> known = refs.workflowSlug(id.get());
        if (known.isEmpty() && slug.isPresent()) {
            config.remove("workflow_id");
        } else if (known.isEmpty()) {
            problems.add(owner + " calls workflow id '" + id.get() + "', which is no workflow of the Kapso project;"
                    + " fix the id, or name the workflow by workflow_slug");
        } else if (slug.isPresent() && !slug.get().equals(known.get())) {
            problems.add(owner + " calls workflow '" + slug.get() + "' by workflow_slug but workflow_id '" + id.get()
                    + "', which is workflow '" + known.get() + "' in Kapso; keep one of the two");
        } else {
            config.remove("workflow_id");
            config.put("workflow_slug", known.get());
        }
    }
}
