package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ComparisonOperator;
import io.kapsocode.model.trigger.ProjectEventTrigger;
import io.kapsocode.model.trigger.Trigger;

/** The field rules of triggers (contract §D and §H). */
final class TriggerRules {

    private TriggerRules() {}

    static void check(Trigger trigger, String path, Findings findings) {
        String owner = trigger.triggerType() + " trigger " + path.substring(path.lastIndexOf('.') + 1);
        RequiredFields.check(trigger, path, owner, findings, java.util.List.of());
        if (trigger instanceof ProjectEventTrigger event) {
            projectEvent(event, path, owner, findings);
        }
    }

    private static void projectEvent(ProjectEventTrigger t, String path, String owner, Findings findings) {
        String name = t.eventName();
        if (name != null
                && !name.isBlank()
                && !NodeRules.EVENT_NAME.matcher(name).matches()) {
            findings.error(
                    "invalid_event_name",
                    path + ".event_name",
                    owner + " listens to '" + name + "'; event names are lower-case dotted snake_case, such as"
                            + " 'conversation.csat_scored'");
        }
        boolean key = !RequiredFields.isEmpty(t.propertyKey());
        boolean operator = t.operator() != null;
        JsonNode value = t.propertyValue();
        boolean hasValue = value != null && !(value.isMissingNode() || value.isNull());
        if ((key || operator || hasValue) && !(key && operator && hasValue)) {
            findings.error(
                    "incomplete_trigger_filter",
                    path,
                    owner + " filters on a property but lacks " + (key ? "" : "'property_key' ")
                            + (operator ? "" : "'operator' ") + (hasValue ? "" : "'property_value' ")
                            + "; give all three or none");
        }
        if (operator && t.operator() != ComparisonOperator.EQ && hasValue && !value.isNumber()) {
            findings.error(
                    "invalid_trigger_filter",
                    path + ".property_value",
                    owner + " compares with '" + t.operator().wire() + "', which needs a number, not "
                            + value.toString());
        }
    }
}
