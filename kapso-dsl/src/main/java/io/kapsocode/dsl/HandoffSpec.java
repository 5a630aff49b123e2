package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.HandoffConfig;
import io.kapsocode.model.node.NodeConfig;

/** Configures a {@code handoff} node. */
public final class HandoffSpec extends NodeSpec<HandoffSpec> {

    private String reason;
    private JsonNode contextData;

    HandoffSpec() {}

    /** Why the conversation goes to a person, stored with the handoff. */
    public HandoffSpec reason(String reason) {
        this.reason = reason;
        return this;
    }

    /** What the human agent should see: a map, a JsonNode or a string. */
    public HandoffSpec contextData(Object contextData) {
        this.contextData = Json.valueOf(contextData);
        return this;
    }

    @Override
    NodeConfig config() {
        return new HandoffConfig(reason, contextData);
    }
}
