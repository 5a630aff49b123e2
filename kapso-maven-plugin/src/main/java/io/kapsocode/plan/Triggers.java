package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Trigger sets in one comparable shape: the flat PUT item, without nulls, in a stable order. */
final class Triggers {

    private Triggers() {}

    /** Kapso's trigger resources as PUT /workflows/{id}/triggers items. */
    static ArrayNode flat(List<ObjectNode> remote) {
        ArrayNode items = Json.array();
        for (ObjectNode trigger : remote) {
            ObjectNode item = Json.object();
            item.set("trigger_type", trigger.path("trigger_type"));
            item.put("active", trigger.path("active").asBoolean(true));
            if (trigger.path("triggerable").isObject()) {
                item.setAll((ObjectNode) trigger.get("triggerable").deepCopy());
            }
            items.add(item);
        }
        return items;
    }

    /** A trigger set is a set: order does not count, and an unset field equals a {@code null} one. */
    static ArrayNode comparable(ArrayNode items) {
        List<JsonNode> sorted = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode clean = Json.object();
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                if (!field.getValue().isNull()) {
                    clean.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            sorted.add(CanonicalJson.canonicalize(clean));
        }
        sorted.sort(Comparator.comparing(CanonicalJson::write));
        return Json.array().addAll(sorted);
    }
}
