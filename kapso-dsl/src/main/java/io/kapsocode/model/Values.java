package io.kapsocode.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Defensive copies for record components, so that every model value is deeply immutable. */
public final class Values {

    private Values() {}

    /** An unmodifiable copy; {@code null} becomes the empty list. */
    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A private deep copy of a JSON value; JSON {@code null} becomes Java {@code null} (unset). */
    public static JsonNode json(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value.deepCopy();
    }
}
