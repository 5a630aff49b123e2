package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.SendTextConfig;

/** Configures a {@code send_text} node. */
public final class SendTextSpec extends MessageSpec<SendTextSpec> {

    private JsonNode message;
    private Integer delaySeconds;

    SendTextSpec() {}

    /** The text; {@code {{vars.x}}} is interpolated. */
    public SendTextSpec message(String message) {
        this.message = Json.text(message);
        return this;
    }

    /** Lets a model write the text from {@code prompt}; set the model with {@link #model(String)}. */
    public SendTextSpec aiMessage(String prompt) {
        this.message = AiField.marker();
        aiField("message", prompt);
        return this;
    }

    /** Seconds to wait before sending (Kapso's default 0). */
    public SendTextSpec delaySeconds(int delaySeconds) {
        this.delaySeconds = delaySeconds;
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
