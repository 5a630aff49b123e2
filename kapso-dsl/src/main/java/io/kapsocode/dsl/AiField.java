package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;

/** Kapso's AI fields: a field whose value a model writes at run time from a prompt. */
final class AiField {

    private AiField() {}

    /** The placeholder Kapso expects as the field's value. */
    static JsonNode marker() {
        ObjectNode marker = Json.object();
        marker.putObject("$ai");
        return marker;
    }

    /** Adds {@code field}'s prompt to an {@code ai_field_config} object, creating it if needed. */
    static ObjectNode withPrompt(JsonNode aiFieldConfig, String field, String prompt) {
        ObjectNode config = aiFieldConfig instanceof ObjectNode o ? o.deepCopy() : Json.object();
        ObjectNode entry = config.putObject(field);
        entry.put("mode", "prompt");
        entry.put("prompt", prompt);
        return config;
    }
}
