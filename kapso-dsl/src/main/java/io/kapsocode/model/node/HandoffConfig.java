package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.Values;

/**
 * A {@code handoff} node: hands the conversation to a human and stops automation for it.
 *
 * @param reason stored with the handoff event
 * @param contextData anything the human agent should see
 */
public record HandoffConfig(String reason, JsonNode contextData) implements NodeConfig {

    public static final String TYPE = "handoff";

    public HandoffConfig {
        contextData = Values.json(contextData);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
