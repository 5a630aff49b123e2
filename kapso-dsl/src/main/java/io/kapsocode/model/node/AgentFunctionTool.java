package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * A function an agent may call as a tool.
 *
 * @param name the tool name the model sees
 * @param description when to use it
 * @param functionSlug the function, by slug
 * @param inputSchema JSON Schema of the tool's input
 */
@ReadOnlyKeys({"id", "function_id", "function_name"})
public record AgentFunctionTool(
        @Required String name, String description, @Required String functionSlug, JsonNode inputSchema) {

    public AgentFunctionTool {
        inputSchema = Values.json(inputSchema);
    }
}
