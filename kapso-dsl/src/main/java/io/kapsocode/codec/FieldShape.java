package io.kapsocode.codec;

import io.kapsocode.model.JsonStringAccepted;
import io.kapsocode.model.Required;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * One record component seen as a JSON key: its snake_case name, its Java type and its rules.
 *
 * @param wireName the snake_case key Kapso uses
 * @param component the record component
 * @param required whether Kapso requires it
 * @param jsonStringAccepted whether a JSON string holding an object or array is decoded
 */
public record FieldShape(String wireName, RecordComponent component, boolean required, boolean jsonStringAccepted) {

    static FieldShape of(RecordComponent component) {
        return new FieldShape(
                snakeCase(component.getName()),
                component,
                component.isAnnotationPresent(Required.class),
                component.isAnnotationPresent(JsonStringAccepted.class));
    }

    public Class<?> rawType() {
        return component.getType();
    }

    public Type genericType() {
        return component.getGenericType();
    }

    /** For a {@code List<X>} component, {@code X}; otherwise the component's type. */
    public Class<?> elementType() {
        Type type = component.getGenericType();
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getActualTypeArguments()[0];
        }
        return component.getType();
    }

    /** {@code phoneNumberId} to {@code phone_number_id}. */
    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code phone_number_id} to {@code phoneNumberId}, as the Kapso CLI's YAML spells keys. */
    public static String camelCase(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
