package io.kapsocode.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the human message out of an error body, whatever its shape: {@code {"error": "..."}} (the
 * contract), {@code {"error": {"message": ...}}}, {@code message}, {@code detail},
 * {@code details}, {@code error_description}, {@code validation_errors[]}, Rails' {@code errors}; or nothing at all (Kapso sometimes answers
 * 422 with an empty body).
 */
final class ErrorBodies {

    private static final int MAX_LENGTH = 500;

    private ErrorBodies() {}

    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "no error message (empty body)";
        }
        JsonNode json = Json.tryParse(body).orElse(null);
        if (json == null || !json.isObject()) {
            return "a non-JSON body: " + abbreviate(body.strip());
        }
        List<String> parts = new ArrayList<>();
        JsonNode error = json.path("error");
        if (error.isTextual()) {
            parts.add(error.textValue());
        } else if (error.isObject()) {
            text(error.path("message"), parts);
        }
        for (String key : List.of("message", "detail", "details", "error_description")) {
            text(json.path(key), parts);
        }
        // Rails: {"errors": {"name": ["has already been taken"]}} or {"errors": ["..."]}
        JsonNode errors = json.path("errors");
        if (errors.isObject()) {
            errors.properties().forEach(field -> {
                List<String> messages = new ArrayList<>();
                (field.getValue().isArray() ? field.getValue() : Json.array().add(field.getValue()))
                        .forEach(m -> messages.add(m.asText()));
                parts.add(field.getKey() + " " + String.join(", ", messages));
            });
        } else if (errors.isArray()) {
            errors.forEach(item -> parts.add(item.isTextual() ? item.textValue() : item.toString()));
        }
        JsonNode validation = json.path("validation_errors");
        if (validation.isArray()) {
            validation.forEach(item -> parts.add(item.isTextual() ? item.textValue() : item.toString()));
        }
        return parts.isEmpty()
                ? "an error body without a message: " + abbreviate(body.strip())
                : abbreviate(String.join("; ", parts));
    }

    private static void text(JsonNode node, List<String> parts) {
        if (node.isTextual() && !node.textValue().isBlank() && !parts.contains(node.textValue())) {
            parts.add(node.textValue());
        }
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
