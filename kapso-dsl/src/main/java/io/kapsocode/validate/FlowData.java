package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.diagnostic.Suggestions;
import java.util.List;
import java.util.Map;

/**
 * A screen's {@code data} declarations (META-JSON, screen data model): each field of one of Meta's types,
 * with an {@code __example__}, and lists and objects typed down their {@code items} and
 * {@code properties}.
 */
final class FlowData {

    private FlowData() {}

    static final List<String> DATA_TYPES = List.of("string", "number", "boolean", "array", "object");

    /** Each data field declares one of Meta's types, and an {@code __example__} for previews. */
    static void declarations(FlowJsonRules.Screen screen, Findings findings) {
        screen.json.path("data").properties().forEach(field -> {
            String path = screen.path + ".data." + field.getKey();
            String type = field.getValue().path("type").asText("");
            if (!DATA_TYPES.contains(type)) {
                findings.error(
                        "flow_data_declaration",
                        path,
                        "data field '" + field.getKey() + "' of screen '" + screen.id + "' needs a 'type', one of "
                                + DATA_TYPES + (type.isEmpty() ? "" : ", not '" + type + "'")
                                + Suggestions.didYouMean(type, DATA_TYPES));
            } else if (!nested(screen, field.getKey(), field.getValue(), path, findings)) {
                return;
            } else if (!field.getValue().has("__example__")) {
                findings.warning(
                        "flow_data_without_example",
                        path,
                        "data field '" + field.getKey() + "' of screen '" + screen.id + "' has no __example__; Meta"
                                + " shows it in previews and the builder");
            }
        });
    }

    /** A list declares its {@code items} and an object its {@code properties}, each typed in turn. */
    private static boolean nested(
            FlowJsonRules.Screen screen, String field, JsonNode declaration, String path, Findings findings) {
        String type = declaration.path("type").asText("");
        String key = type.equals("array") ? "items" : type.equals("object") ? "properties" : null;
        if (key == null) {
            return true;
        }
        JsonNode inner = declaration.path(key);
        if (!inner.isObject()) {
            findings.error(
                    "flow_data_declaration",
                    path,
                    "data field '" + field + "' of screen '" + screen.id + "' is " + (type.equals("array") ? "a" : "an")
                            + " " + type + " without '" + key + "'; declare "
                            + (type.equals("array")
                                    ? "the type of its items, such as \"items\": {\"type\": \"object\", \"properties\": {...}}"
                                    : "its fields, such as \"properties\": {\"id\": {\"type\": \"string\"}}"));
            return false;
        }
        boolean ok = true;
        if (type.equals("array")) {
            ok = nestedType(screen, field, inner, path + ".items", findings);
        } else {
            for (var property : (Iterable<Map.Entry<String, JsonNode>>) inner.properties()::iterator) {
                ok &= nestedType(
                        screen,
                        field + "." + property.getKey(),
                        property.getValue(),
                        path + ".properties." + property.getKey(),
                        findings);
            }
        }
        return ok;
    }

    private static boolean nestedType(
            FlowJsonRules.Screen screen, String field, JsonNode declaration, String path, Findings findings) {
        String type = declaration.path("type").asText("");
        if (!DATA_TYPES.contains(type)) {
            findings.error(
                    "flow_data_declaration",
                    path,
                    "data field '" + field + "' of screen '" + screen.id + "' declares a part without a 'type' among "
                            + DATA_TYPES + (type.isEmpty() ? "" : ", not '" + type + "'")
                            + Suggestions.didYouMean(type, DATA_TYPES));
            return false;
        }
        return nested(screen, field, declaration, path, findings);
    }
}
