package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.List;
import java.util.Map;

/**
 * A function's {@code runtime_config} can hold credentials (Kapso passes it as environment), so plans
 * show its text values only as fingerprints: a reviewer sees that a value changed, never the value.
 */
final class Secrets {

    private Secrets() {}

    static List<FieldChange> masked(List<FieldChange> changes) {
        return changes.stream()
                .map(c -> c.under("runtime_config") ? new FieldChange(c.path(), mask(c.before()), mask(c.after())) : c)
                .toList();
    }

    static JsonNode mask(JsonNode value) {
        if (value.isTextual()) {
            return Json.text("sha256:" + Planner.hash(value).substring(0, 8));
        }
        if (value.isObject()) {
            ObjectNode out = Json.object();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                out.set(field.getKey(), mask(field.getValue()));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            value.forEach(item -> out.add(mask(item)));
            return out;
        }
        return value;
    }
}
