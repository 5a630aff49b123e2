package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.EmitEventConfig;
import io.kapsocode.model.node.NodeConfig;

/** Configures an {@code emit_event} node. */
public final class EmitEventSpec extends NodeSpec<EmitEventSpec> {

    private final String eventName;
    private ObjectNode properties;
    private String occurredAt;

    EmitEventSpec(String eventName) {
        this.eventName = eventName;
    }

    /** A scalar property: string, number, boolean or null. */
    public EmitEventSpec property(String key, Object value) {
        if (properties == null) {
            properties = Json.object();
        }
        properties.set(key, Json.valueOf(value));
        return this;
    }

    /** When it happened: ISO 8601 or a variable; now when unset. */
    public EmitEventSpec occurredAt(String occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    @Override
    NodeConfig config() {
        return new EmitEventConfig(eventName, properties, occurredAt);
    }
}
