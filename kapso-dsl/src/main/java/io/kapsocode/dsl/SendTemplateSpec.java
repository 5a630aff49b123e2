package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.SendTemplateConfig;

/** Configures a {@code send_template} node. */
public final class SendTemplateSpec extends MessageSpec<SendTemplateSpec> {

    private final String templateId;
    private JsonNode parameters;

    SendTemplateSpec(String templateId) {
        this.templateId = templateId;
    }

    /** One template parameter, positional ({@code "1"}) or named. */
    public SendTemplateSpec parameter(String name, String value) {
        ObjectNode object = parameters instanceof ObjectNode o ? o : Json.object();
        object.put(name, value);
        this.parameters = object;
        return this;
    }

    /** All parameters at once, in any form Kapso accepts (Meta components, arrays, objects). */
    public SendTemplateSpec parameters(Object parameters) {
        this.parameters = Json.valueOf(parameters);
        return this;
    }

    /** Lets a model write one parameter from {@code prompt}. */
    public SendTemplateSpec aiParameter(String name, String prompt) {
        ObjectNode object = parameters instanceof ObjectNode o ? o : Json.object();
        object.set(name, AiField.marker());
        this.parameters = object;
        aiField("parameters." + name, prompt);
        return this;
    }

    @Override
    NodeConfig config() {
        return new SendTemplateConfig(
                templateId,
                parameters,
                phoneNumberId,
                whatsappConfigId,
                toPhoneNumber,
                providerModelName,
                providerModelId,
                aiFieldConfig);
    }
}
