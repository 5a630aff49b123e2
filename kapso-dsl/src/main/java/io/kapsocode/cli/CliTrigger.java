package io.kapsocode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.json.Json;
import io.kapsocode.model.trigger.ProjectEventTrigger;
import io.kapsocode.model.trigger.Trigger;
import java.util.Iterator;
import java.util.Map;

/**
 * Kapso CLI trigger items: camelCase keys ({@code triggerType}, {@code phoneNumberId}), with a
 * project event's filter under {@code triggerableAttributes} in snake_case.
 */
final class CliTrigger {

    private CliTrigger() {}

    /** A CLI trigger item in the API's flat snake_case form. */
    static ObjectNode toApiForm(ObjectNode cli) {
        ObjectNode api = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = cli.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().equals("triggerableAttributes")
                    && member.getValue().isObject()) {
                api.setAll((ObjectNode) member.getValue());
            } else {
                api.set(io.kapsocode.codec.FieldShape.snakeCase(member.getKey()), member.getValue());
            }
        }
        return api;
    }

    /** A trigger as a CLI item, keys as {@code kapso pull} writes them. */
    static ObjectNode toCliForm(Trigger trigger) {
        ObjectNode fields = RecordCodec.write(trigger);
        fields.remove("active");
        ObjectNode cli = Json.object();
        cli.put("triggerType", trigger.triggerType());
        cli.put("active", trigger.isActive());
        if (trigger instanceof ProjectEventTrigger) {
            cli.set("triggerableAttributes", fields);
        } else {
            fields.fields()
                    .forEachRemaining(f -> cli.set(io.kapsocode.codec.FieldShape.camelCase(f.getKey()), f.getValue()));
        }
        return cli;
    }
}
