package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.WebhookConfig;

/** Configures a {@code webhook} node. */
public final class WebhookSpec extends NodeSpec<WebhookSpec> {

    private final HttpMethod method;
    private final String url;
    private ObjectNode headers;
    private JsonNode bodyTemplate;
    private String saveResponseTo;
    private String providerModelName;
    private String providerModelId;
    private JsonNode aiFieldConfig;

    WebhookSpec(HttpMethod method, String url) {
        this.method = method;
        this.url = url;
    }

    /** A request header; use {@code ${ENV:NAME}} for credentials, never a literal secret. */
    public WebhookSpec header(String name, String value) {
        if (headers == null) {
            headers = Json.object();
        }
        headers.put(name, value);
        return this;
    }

    /** The request body: a map, a list, a {@code JsonNode} or a string; strings are interpolated. */
    public WebhookSpec body(Object bodyTemplate) {
        this.bodyTemplate = Json.valueOf(bodyTemplate);
        return this;
    }

    /** Stores the response in {@code vars.<variable>}. */
    public WebhookSpec saveResponseTo(String variable) {
        this.saveResponseTo = variable;
        return this;
    }

    /** The model that fills AI fields, by name. */
    public WebhookSpec model(String providerModelName) {
        this.providerModelName = providerModelName;
        return this;
    }

    /** The model that fills AI fields, by Kapso id. */
    public WebhookSpec modelId(String providerModelId) {
        this.providerModelId = providerModelId;
        return this;
    }

    /** Per-field AI prompts, as Kapso's {@code ai_field_config}. */
    public WebhookSpec aiFieldConfig(Object aiFieldConfig) {
        this.aiFieldConfig = Json.valueOf(aiFieldConfig);
        return this;
    }

    @Override
    NodeConfig config() {
        return new WebhookConfig(
                url, method, headers, bodyTemplate, saveResponseTo, providerModelName, providerModelId, aiFieldConfig);
    }
}
