package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * An {@code emit_event} node: records a project event that {@code project_event} triggers can react to.
 *
 * @param eventName lower-case dotted snake_case, such as {@code order.shipped}
 * @param properties flat object of scalar values
 * @param occurredAt ISO 8601 time or a variable; now when unset
 */
public record EmitEventConfig(@Required String eventName, JsonNode properties, String occurredAt)
        implements NodeConfig {

    public static final String TYPE = "emit_event";

    public EmitEventConfig {
        properties = Values.json(properties);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
