package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * A {@code send_text} node: sends a WhatsApp text message.
 *
 * @param message the text, with {@code {{vars.x}}} interpolation, or an AI field ({@code {"$ai": {}}})
 * @param phoneNumberId the sending number's Meta id; the conversation's number when unset
 * @param whatsappConfigId legacy Kapso sender id
 * @param toPhoneNumber recipient override, mainly for observer workflows
 * @param delaySeconds delay before sending
 * @param providerModelName model for AI fields, by name
 * @param providerModelId model for AI fields, by remote id
 * @param aiFieldConfig per-field AI prompts
 */
public record SendTextConfig(
        @Required JsonNode message,
        String phoneNumberId,
        String whatsappConfigId,
        String toPhoneNumber,
        Integer delaySeconds,
        String providerModelName,
        String providerModelId,
        JsonNode aiFieldConfig)
        implements NodeConfig {

    public static final String TYPE = "send_text";

    public SendTextConfig {
        message = Values.json(message);
        aiFieldConfig = Values.json(aiFieldConfig);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
