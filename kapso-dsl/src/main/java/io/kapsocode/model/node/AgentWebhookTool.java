package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * An HTTP endpoint an agent may call as a tool.
 *
 * @param name the tool name the model sees
 * @param description when to use it
 * @param url the endpoint
 * @param httpMethod HTTP method
 * @param headers header names to values
 * @param body request body template
 * @param bodySchema JSON Schema of the body the model fills in
 * @param jmespathQuery JMESPath applied to the response before the model reads it
 * @param aiFieldConfig per-field AI prompts
 */
@ReadOnlyKeys({"id"})
public record AgentWebhookTool(
        @Required String name,
        String description,
        @Required String url,
        HttpMethod httpMethod,
        JsonNode headers,
        JsonNode body,
        JsonNode bodySchema,
        String jmespathQuery,
        JsonNode aiFieldConfig) {

    public AgentWebhookTool {
        headers = Values.json(headers);
        body = Values.json(body);
        bodySchema = Values.json(bodySchema);
        aiFieldConfig = Values.json(aiFieldConfig);
    }
}
