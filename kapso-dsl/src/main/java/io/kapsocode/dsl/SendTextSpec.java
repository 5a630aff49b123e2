package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.SendTextConfig;

/** Configures a {@code send_text} node. */
public final class SendTextSpec extends NodeSpec<SendTextSpec> {

    private JsonNode message;
    private String phoneNumberId;
    private String whatsappConfigId;
    private String toPhoneNumber;
    private Integer delaySeconds;
    private String providerModelName;
    private String providerModelId;
    private JsonNode aiFieldConfig;

    SendTextSpec() {}

    /** The text; {@code {{vars.x}}} is interpolated. */
    public SendTextSpec message(String message) {
        this.message = Json.text(message);
        return this;
    }

    /** Lets a model write the text from {@code prompt}; set the model with {@link #model(String)}. */
    public SendTextSpec aiMessage(String prompt) {
        this.message = AiField.marker();
        this.aiFieldConfig = AiField.withPrompt(aiFieldConfig, "message", prompt);
        return this;
    }

    /** The sending number's Meta id; the conversation's number when unset. */
    public SendTextSpec phoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
        return this;
    }

    /** Legacy Kapso sender id; prefer {@link #phoneNumberId(String)}. */
    public SendTextSpec whatsappConfigId(String whatsappConfigId) {
        this.whatsappConfigId = whatsappConfigId;
        return this;
    }

    /** Sends to this number instead of the conversation's participant. */
    public SendTextSpec toPhoneNumber(String toPhoneNumber) {
        this.toPhoneNumber = toPhoneNumber;
        return this;
    }

    public SendTextSpec delaySeconds(int delaySeconds) {
        this.delaySeconds = delaySeconds;
        return this;
    }

    /** The model for AI fields, by name, such as {@code gpt-5-mini}. */
    public SendTextSpec model(String providerModelName) {
        this.providerModelName = providerModelName;
        return this;
    }

    /** The model for AI fields, by remote id, where no name is known. */
    public SendTextSpec modelId(String providerModelId) {
        this.providerModelId = providerModelId;
        return this;
    }

    @Override
    NodeConfig config() {
        return new SendTextConfig(
                message,
                phoneNumberId,
                whatsappConfigId,
                toPhoneNumber,
                delaySeconds,
                providerModelName,
                providerModelId,
                aiFieldConfig);
    }
}
