package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every node that sends a WhatsApp message can set: the sender, the recipient, and the model that
 * writes its AI fields.
 *
 * @param <S> the concrete spec, so that chained calls keep their type
 */
public abstract class MessageSpec<S extends MessageSpec<S>> extends NodeSpec<S> {

    String phoneNumberId;
    String whatsappConfigId;
    String toPhoneNumber;
    String providerModelName;
    String providerModelId;
    JsonNode aiFieldConfig;

    MessageSpec() {}

    /** The sending number's Meta id; the conversation's number when unset. */
    public S phoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
        return self();
    }

    /** Legacy Kapso sender id; prefer {@link #phoneNumberId(String)}. */
    public S whatsappConfigId(String whatsappConfigId) {
        this.whatsappConfigId = whatsappConfigId;
        return self();
    }

    /** Sends to this number instead of the conversation's participant. */
    public S toPhoneNumber(String toPhoneNumber) {
        this.toPhoneNumber = toPhoneNumber;
        return self();
    }

    /** The model for AI fields, by name, such as {@code gpt-5-mini}. */
    public S model(String providerModelName) {
        this.providerModelName = providerModelName;
        return self();
    }

    /** The model for AI fields, by remote id, where no name is known. */
    public S modelId(String providerModelId) {
        this.providerModelId = providerModelId;
        return self();
    }

    /** Lets the model write {@code field} from {@code prompt}. */
    void aiField(String field, String prompt) {
        this.aiFieldConfig = AiField.withPrompt(aiFieldConfig, field, prompt);
    }
}
