package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;
import io.kapsocode.model.RequiredOneOf;
import io.kapsocode.model.Values;

/**
 * A function an agent may call as a tool.
 *
 * @param name the tool name the model sees
 * @param description when to use it
 * @param functionSlug the function, by slug (portable)
 * @param functionId the function, by Kapso id
 * @param functionName the function, by display name, only when neither slug nor id is given
 * @param inputSchema JSON Schema of the tool's input
 */
@ReadOnlyKeys({"id"})
@RequiredOneOf({"function_slug", "function_id", "function_name"})
public record AgentFunctionTool(
        @Required String name,
        String description,
        String functionSlug,
        String functionId,
        String functionName,
        JsonNode inputSchema) {

    public AgentFunctionTool {
        functionName = FunctionReference.nameOnlyAlone(functionSlug, functionId, functionName);
        inputSchema = Values.json(inputSchema);
    }

    public AgentFunctionTool(String name, String description, String functionSlug, JsonNode inputSchema) {
        this(name, description, functionSlug, null, null, inputSchema);
    }
}
