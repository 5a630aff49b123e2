package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.codec.FieldShape;
import io.kapsocode.codec.RecordShape;
import io.kapsocode.model.RequiredOneOf;
import java.util.Collection;
import java.util.List;

/**
 * Checks the fields marked {@link io.kapsocode.model.Required} on a record and on the records nested in
 * it, whatever source the record came from (Java builders can leave a field unset).
 */
final class RequiredFields {

    private RequiredFields() {}

    /**
     * @param record the record to check
     * @param path its path, such as {@code nodes.greet}
     * @param owner how to name it in a message, such as {@code send_text node 'greet'}
     * @param skip keys another rule checks more precisely, nested records included
     */
    static void check(Object record, String path, String owner, Findings findings, List<String> skip) {
        RecordShape shape = RecordShape.of(record.getClass());
        for (FieldShape field : shape.fields().values()) {
            if (skip.contains(field.wireName())) {
                continue;
            }
            Object value = shape.value(record, field);
            boolean nested = value instanceof List<?>
                    || (value != null && value.getClass().isRecord());
            if (!(field.required() && isEmpty(value)) && !nested) {
                continue; // the common case, kept free of string building for large workflows
            }
            String fieldPath = path + "." + field.wireName();
            // a key the source wrote but the reader could not read is already reported
            boolean unreadable = value == null && findings.written(fieldPath);
            if (field.required() && isEmpty(value) && !unreadable) {
                boolean writtenEmpty = value != null && findings.written(fieldPath);
                findings.error(
                        "empty_required_field",
                        fieldPath,
                        writtenEmpty
                                ? "'" + field.wireName() + "' of " + owner + " is empty; give it a value"
                                : owner + " needs '" + field.wireName() + "'; add it");
            }
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    if (item != null && item.getClass().isRecord()) {
                        check(
                                item,
                                fieldPath + "." + i,
                                "item " + i + " of '" + field.wireName() + "' of " + owner,
                                findings,
                                List.of());
                    }
                }
            } else if (value != null && value.getClass().isRecord()) {
                check(value, fieldPath, "'" + field.wireName() + "' of " + owner, findings, List.of());
            }
        }
        RequiredOneOf oneOf = record.getClass().getAnnotation(RequiredOneOf.class);
        if (oneOf != null) {
            List<String> keys = List.of(oneOf.value());
            boolean named = keys.stream()
                    .anyMatch(key -> !isEmpty(shape.value(record, shape.fields().get(key)))
                            || findings.written(path + "." + key));
            if (!named) {
                findings.error(
                        "empty_required_field",
                        path + "." + keys.get(0),
                        owner + " needs '" + keys.get(0) + "' (or '"
                                + String.join("' or '", keys.subList(1, keys.size())) + "'); add it");
            }
        }
    }

    static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String text) {
            return text.isBlank();
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty();
        }
        if (value instanceof JsonNode json) {
            return json.isNull()
                    || json.isMissingNode()
                    || (json.isTextual() && json.textValue().isBlank());
        }
        return false;
    }
}
