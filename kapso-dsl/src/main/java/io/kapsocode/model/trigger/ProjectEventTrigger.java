package io.kapsocode.model.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ComparisonOperator;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * Starts an observer execution when a project event is emitted, optionally only when one of its
 * properties matches. The filter is all or nothing: key, operator and value together.
 *
 * @param eventName the event, such as {@code order.shipped}
 * @param propertyKey property to compare
 * @param operator comparison; {@code lt}, {@code lte}, {@code gt} and {@code gte} need a number
 * @param propertyValue value to compare with
 * @param active whether it is active (default true)
 */
public record ProjectEventTrigger(
        @Required String eventName,
        String propertyKey,
        ComparisonOperator operator,
        JsonNode propertyValue,
        Boolean active)
        implements Trigger {

    public static final String TYPE = "project_event";

    public ProjectEventTrigger {
        propertyValue = Values.json(propertyValue);
    }

    @Override
    public String triggerType() {
        return TYPE;
    }
}
