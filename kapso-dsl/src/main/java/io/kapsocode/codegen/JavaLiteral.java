package io.kapsocode.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java expressions for values: strings and numbers as literals, JSON as {@code Map.of}/{@code List.of}
 * (what the DSL's {@code Object} parameters turn back into the same JSON), JSON holding a {@code null}
 * as parsed text (the collection factories refuse nulls).
 */
final class JavaLiteral {

    private JavaLiteral() {}

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** An expression whose {@code Json.valueOf} is {@code value}; {@code imports} learns what it needs. */
    static String json(JsonNode value, Imports imports) {
        if (containsNull(value)) {
            imports.add("io.kapsocode.json.Json");
            return "Json.tryParse(" + string(Json.compact(value)) + ").orElseThrow()";
        }
        return plain(value, imports);
    }

    private static String plain(JsonNode value, Imports imports) {
        if (value.isTextual()) {
            return string(value.textValue());
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? Integer.toString(value.intValue()) : value.longValue() + "L";
        }
        if (value.isNumber()) {
            String text = Double.toString(value.doubleValue());
            return text.contains(".") || text.contains("E") ? text : text + ".0";
        }
        if (value.isArray()) {
            imports.add("java.util.List");
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item, imports)));
            return "List.of(" + String.join(", ", items) + ")";
        }
        imports.add("java.util.Map");
        List<String> entries = new ArrayList<>();
        boolean many = value.size() > 10;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String key = string(field.getKey());
            String item = plain(field.getValue(), imports);
            entries.add(many ? "Map.entry(" + key + ", " + item + ")" : key + ", " + item);
        }
        return (many ? "Map.ofEntries(" : "Map.of(") + String.join(", ", entries) + ")";
    }

    private static boolean containsNull(JsonNode value) {
        if (value.isNull()) {
            return true;
        }
        for (JsonNode child : value) {
            if (containsNull(child)) {
                return true;
            }
        }
        return false;
    }
}
