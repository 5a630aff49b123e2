package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.compile.DefinitionNormalizer;
import java.util.Set;

/**
 * One form for a local and a remote definition, so that equal meaning gives equal JSON: references by
 * name (function and workflow slugs, WhatsApp flow names, model names) whichever side wrote ids, then
 * {@link DefinitionNormalizer}. Layout and computed labels count only where the sources set them.
 */
public final class ComparableForm {

    private ComparableForm() {}

    /**
     * @param definition a definition in source form (compiled) or as GET /definition returns it
     * @param refs the names of remote ids
     * @param laidOut ids of the nodes whose position the sources set
     * @param labelled ids of the nodes whose display name the sources set
     */
    public static ObjectNode of(JsonNode definition, References refs, Set<String> laidOut, Set<String> labelled) {
        ObjectNode copy = definition.deepCopy();
        for (JsonNode node : copy.path("nodes")) {
            String id = node.path("id").asText();
            if (!laidOut.contains(id)) {
                ((ObjectNode) node).remove("position");
            }
            if (!labelled.contains(id) && node.path("data").isObject()) {
                ((ObjectNode) node.get("data")).remove("display_name");
            }
            JsonNode config = node.path("data").path("config");
            if (config.isObject()) {
                byName((ObjectNode) config, refs);
            }
        }
        return DefinitionNormalizer.normalize(copy);
    }

    /** Rewrites one config's references from ids to names, where the id is known. */
    public static void byName(ObjectNode config, References refs) {
        functionByName(config, refs);
        config.path("flow_agent_function_tools").forEach(tool -> {
            if (tool.isObject()) {
                functionByName((ObjectNode) tool, refs);
            }
        });
        text(config, "workflow_id")
                .flatMap(refs::workflowSlug)
                .ifPresent(slug -> replace(config, "workflow_id", "workflow_slug", slug));
        text(config, "flow_id")
                .flatMap(refs::flowName)
                .ifPresent(name -> replace(config, "flow_id", "whatsapp_flow_name", name));
        java.util.Optional<String> modelName = text(config, "provider_model_name")
                .or(() -> text(config, "provider_model_id").flatMap(refs::modelName));
        if (modelName.isPresent()) {
            config.remove("provider_model_id");
            config.put("provider_model_name", modelName.get());
        }
    }

    private static void functionByName(ObjectNode holder, References refs) {
        text(holder, "function_id")
                .flatMap(refs::functionSlug)
                .ifPresent(slug -> replace(holder, "function_id", "function_slug", slug));
        holder.remove("function_name");
    }

    private static void replace(ObjectNode config, String idKey, String nameKey, String name) {
        config.remove(idKey);
        config.put(nameKey, name);
    }

    static java.util.Optional<String> text(JsonNode holder, String key) {
        JsonNode value = holder.path(key);
        return value.isTextual() && !value.textValue().isEmpty()
                ? java.util.Optional.of(value.textValue())
                : java.util.Optional.empty();
    }
}
