package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * A {@code send_template} node: sends an approved WhatsApp template.
 *
 * @param templateId the template's id (Kapso has no stable template name yet, so the raw id is kept)
 * @param parameters template parameters: Meta components, positional ({@code {"1": "x"}}) or named
 * @param phoneNumberId the sending number's Meta id
 * @param whatsappConfigId legacy Kapso sender id
 * @param toPhoneNumber recipient override
 * @param providerModelName model for AI fields, by name
 * @param providerModelId model for AI fields, by remote id
 * @param aiFieldConfig per-field AI prompts
 */
@ReadOnlyKeys({"template_name"})
public record SendTemplateConfig(
        @Required String templateId,
        JsonNode parameters,
        String phoneNumberId,
        String whatsappConfigId,
        String toPhoneNumber,
        String providerModelName,
        String providerModelId,
        JsonNode aiFieldConfig)
        implements NodeConfig {

    public static final String TYPE = "send_template";

    public SendTemplateConfig {
        parameters = Values.json(parameters);
        aiFieldConfig = Values.json(aiFieldConfig);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
