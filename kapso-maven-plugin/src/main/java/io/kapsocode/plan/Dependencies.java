package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a compiled definition references, as {@code kind:name} addresses: {@code function:lookup-order},
 * {@code workflow:billing}, {@code whatsapp_flow:signup}, {@code model:gpt-5-mini}.
 */
final class Dependencies {

    static final String FUNCTION = "function:";
    static final String WORKFLOW = "workflow:";
    static final String FLOW = "whatsapp_flow:";
    static final String MODEL = "model:";

    private Dependencies() {}

    static Set<String> of(JsonNode definition) {
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode node : definition.path("nodes")) {
            JsonNode config = node.path("data").path("config");
            add(found, FUNCTION, config.path("function_slug"));
            config.path("flow_agent_function_tools").forEach(tool -> add(found, FUNCTION, tool.path("function_slug")));
            add(found, WORKFLOW, config.path("workflow_slug"));
            add(found, FLOW, config.path("whatsapp_flow_name"));
            add(found, MODEL, config.path("provider_model_name"));
        }
        return found;
    }

    /**
     * Whether a node names a provider model by name or by id: both sides are then compared by name, which
     * needs Kapso's model list.
     */
    static boolean usesModels(JsonNode definition) {
        for (JsonNode node : definition.path("nodes")) {
            JsonNode config = node.path("data").path("config");
            if (config.path("provider_model_name").isTextual()
                    || config.path("provider_model_id").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static void add(Set<String> found, String kind, JsonNode name) {
        if (name.isTextual() && !name.textValue().isEmpty()) {
            found.add(kind + name.textValue());
        }
    }
}
