package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.JsonStringAccepted;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * A {@code webhook} node: calls an HTTP endpoint and optionally stores the response.
 *
 * @param url the endpoint; {@code {{vars.x}}} and {@code ${ENV:NAME}} are substituted
 * @param method HTTP method (Kapso's default POST)
 * @param headers header names to values; kept as an object even when Kapso returns a JSON string
 * @param bodyTemplate the request body; kept as JSON even when Kapso returns a JSON string
 * @param saveResponseTo variable that receives the response
 * @param providerModelName model for AI fields, by name
 * @param providerModelId model for AI fields, by remote id
 * @param aiFieldConfig per-field AI prompts
 */
public record WebhookConfig(
        @Required String url,
        HttpMethod method,
        @JsonStringAccepted JsonNode headers,
        @JsonStringAccepted JsonNode bodyTemplate,
        String saveResponseTo,
        String providerModelName,
        String providerModelId,
        JsonNode aiFieldConfig)
        implements NodeConfig {

    public static final String TYPE = "webhook";

    public WebhookConfig {
        headers = Values.json(headers);
        bodyTemplate = Values.json(bodyTemplate);
        aiFieldConfig = Values.json(aiFieldConfig);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
