package io.kapsocode.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.json.Json;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.model.KapsoValues;
import io.kapsocode.model.WireValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns model records into Kapso's snake_case JSON objects and back, driven by the records themselves
 * (component names, types and annotations), so that every node type, trigger and nested item is read,
 * written and described by one piece of code.
 */
public final class RecordCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordCodec() {}

    /**
     * A record read from JSON, and the keys it did not model (kept as they are in lenient mode).
     *
     * @param value the record
     * @param extras unmodelled keys, or values that did not fit their component's type (lenient only)
     */
    public record Read<R>(R value, ObjectNode extras) {}

    /**
     * Reads {@code json} as a {@code type} record. Every problem is reported to the scope: in strict
     * mode as errors, in lenient mode unknown keys are kept in {@link Read#extras()} silently and values
     * of the wrong type are kept there with a warning.
     *
     * @param pointer JSON Pointer of {@code json} in the document
     * @param path element path of {@code json} in the model, such as {@code nodes.greet}
     * @param owner how messages name the element, such as {@code send_text node 'greet'}
     * @param siblingKeys other keys valid at this level (handled by the caller), for suggestions
     */
    public static <R> Read<R> read(
            Class<R> type,
            ObjectNode json,
            String pointer,
            String path,
            String owner,
            Collection<String> siblingKeys,
            ReadScope scope) {
        RecordShape shape = RecordShape.of(type);
        Map<String, FieldShape> fields = shape.fields();
        Object[] values = new Object[fields.size()];
        ObjectNode extras = Json.object();
        List<String> fieldKeys = List.copyOf(fields.keySet());
        Iterator<Map.Entry<String, JsonNode>> members = json.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String key = member.getKey();
            String childPointer = pointer + "/" + SourceDocument.escape(key);
            String childPath = path.isEmpty() ? key : path + "." + key;
            FieldShape field = fields.get(key);
            if (field == null) {
                if (shape.readOnlyKeys().contains(key)) {
                    if (scope.strict()) {
                        scope.warning(
                                "read_only_key",
                                "'" + key + "' of " + owner + " is set by Kapso and ignored here; remove it",
                                childPath,
                                childPointer);
                    }
                } else if (scope.strict()) {
                    List<String> candidates = new ArrayList<>(fieldKeys);
                    candidates.addAll(siblingKeys);
                    scope.errorAtKey(
                            "unknown_key",
                            "unknown key '" + key + "' in " + owner + Suggestions.didYouMean(key, candidates)
                                    + "; valid keys: " + String.join(", ", candidates),
                            childPath,
                            childPointer);
                } else {
                    extras.set(key, member.getValue().deepCopy());
                }
                continue;
            }
            scope.locate(childPath, childPointer);
            List<String> problems = new ArrayList<>();
            String where = "'" + key + "' of " + owner;
            Optional<Object> value = convert(
                    field, field.genericType(), member.getValue(), childPointer, childPath, where, scope, problems);
            if (problems.isEmpty()) {
                values[fieldKeys.indexOf(key)] = value.orElse(null);
            } else if (!scope.strict()) {
                extras.set(key, member.getValue().deepCopy());
                scope.warning(
                        "unexpected_value",
                        problems.get(0) + "; the value is kept exactly as Kapso returned it",
                        childPath,
                        childPointer);
            }
        }
        @SuppressWarnings("unchecked")
        R record = (R) shape.construct(values);
        return new Read<>(record, extras);
    }

    /**
     * Reads a file Kapso's CLI owns: values are checked strictly, but keys this tool does not know are
     * reported as warnings and ignored, so that a newer CLI's files still load.
     */
    public static <R> R readKnownKeys(
            Class<R> type,
            ObjectNode json,
            String pointer,
            String path,
            String owner,
            Collection<String> siblingKeys,
            ReadScope scope) {
        RecordShape shape = RecordShape.of(type);
        ObjectNode known = json.deepCopy();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!shape.fields().containsKey(key) && !siblingKeys.contains(key)) {
                known.remove(key);
                if (!shape.readOnlyKeys().contains(key)) {
                    scope.warning(
                            "unknown_key",
                            "unknown key '" + key + "' in " + owner + " is ignored"
                                    + Suggestions.didYouMean(key, shape.keys()),
                            path.isEmpty() ? key : path + "." + key,
                            pointer + "/" + SourceDocument.escape(key));
                }
            }
        }
        siblingKeys.forEach(known::remove);
        ReadScope strict =
                new ReadScope(scope.document(), scope.diagnostics(), scope.sourceMap(), scope.subject(), true);
        return read(type, known, pointer, path, owner, siblingKeys, strict).value();
    }

    private static Optional<Object> convert(
            FieldShape field,
            java.lang.reflect.Type genericType,
            JsonNode json,
            String pointer,
            String path,
            String where,
            ReadScope scope,
            List<String> problems) {
        if (json == null || json.isNull()) {
            return Optional.empty();
        }
        Class<?> raw = boxed(genericType instanceof Class<?> c ? c : field.rawType());
        if (raw == String.class) {
            if (json.isTextual()) {
                return Optional.of(json.textValue());
            }
            return fail(
                    problems,
                    scope,
                    path,
                    pointer,
                    where + " must be a string, not " + describe(json)
                            + (json.isValueNode() ? "; quote it: \"" + json.asText() + "\"" : ""));
        }
        // Kapso returns some numbers and booleans as strings: in its files those read as the value they
        // spell; this tool's YAML keeps one spelling
        JsonNode scalar = scope.strict() && json.isTextual() ? MissingNode.getInstance() : json;
        if (raw == Integer.class) {
            Optional<Integer> whole = KapsoValues.wholeNumber(scalar);
            if (whole.isPresent()) {
                return Optional.of(whole.get());
            }
            return fail(problems, scope, path, pointer, where + " must be a whole number, not " + describe(json));
        }
        if (raw == Double.class) {
            Optional<Double> number = KapsoValues.number(scalar);
            if (number.isPresent()) {
                return Optional.of(number.get());
            }
            return fail(problems, scope, path, pointer, where + " must be a number, not " + describe(json));
        }
        if (raw == Boolean.class) {
            Optional<Boolean> bool = KapsoValues.bool(scalar);
            if (bool.isPresent()) {
                return Optional.of(bool.get());
            }
            return fail(problems, scope, path, pointer, where + " must be true or false, not " + describe(json));
        }
        if (raw == JsonNode.class || raw == ObjectNode.class) {
            JsonNode value = json;
            if (field.jsonStringAccepted() && json.isTextual()) {
                value = Json.tryParse(json.textValue())
                        .filter(parsed -> parsed.isContainerNode())
                        .orElse(json);
            }
            if (raw == ObjectNode.class && !value.isObject()) {
                return fail(problems, scope, path, pointer, where + " must be a mapping, not " + describe(json));
            }
            return Optional.of(value.deepCopy());
        }
        if (raw.isEnum() && WireValue.class.isAssignableFrom(raw)) {
            List<String> spellings = WireValue.spellings(raw);
            if (json.isTextual()) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((WireValue) constant).wire().equals(json.textValue())) {
                        return Optional.of(constant);
                    }
                }
            }
            return fail(
                    problems,
                    scope,
                    "invalid_value",
                    path,
                    pointer,
                    where + " must be one of " + String.join(", ", spellings)
                            + ", not " + describe(json)
                            + (json.isTextual() ? Suggestions.didYouMean(json.textValue(), spellings) : ""));
        }
        if (raw == List.class) {
            if (!json.isArray()) {
                return fail(problems, scope, path, pointer, where + " must be a list, not " + describe(json));
            }
            Class<?> element = field.elementType();
            List<Object> items = new ArrayList<>();
            int before = problems.size();
            for (int i = 0; i < json.size(); i++) {
                JsonNode item = json.get(i);
                String itemPointer = pointer + "/" + i;
                String itemPath = path + "." + i;
                String itemWhere = "item " + i + " of " + where;
                scope.sourceMap().put(itemPath, scope.at(itemPointer));
                if (element.isRecord()) {
                    if (!item.isObject()) {
                        fail(
                                problems,
                                scope,
                                itemPath,
                                itemPointer,
                                itemWhere + " must be a mapping, not " + describe(item));
                        continue;
                    }
                    items.add(
                            readNested(element, (ObjectNode) item, itemPointer, itemPath, itemWhere, scope, problems));
                } else {
                    convert(field, element, item, itemPointer, itemPath, itemWhere, scope, problems)
                            .ifPresent(items::add);
                }
            }
            return problems.size() == before ? Optional.of(List.copyOf(items)) : Optional.empty();
        }
        if (raw.isRecord()) {
            if (!json.isObject()) {
                return fail(problems, scope, path, pointer, where + " must be a mapping, not " + describe(json));
            }
            return Optional.of(readNested(raw, (ObjectNode) json, pointer, path, where, scope, problems));
        }
        throw new IllegalStateException("no JSON mapping for " + raw);
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        return type == boolean.class ? Boolean.class : type;
    }

    private static Object readNested(
            Class<?> type,
            ObjectNode json,
            String pointer,
            String path,
            String owner,
            ReadScope scope,
            List<String> problems) {
        if (scope.strict()) {
            return read(type, json, pointer, path, owner, List.of(), scope).value();
        }
        RecordShape shape = RecordShape.of(type);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!shape.fields().containsKey(key) && !shape.readOnlyKeys().contains(key)) {
                problems.add("'" + key + "' inside '" + path + "' is not a key this tool models");
            }
        }
        Read<?> read = read(type, json, pointer, path, owner, List.of(), quiet(scope));
        if (!read.extras().isEmpty()) {
            problems.add("'" + path + "' holds a value of an unexpected type");
        }
        return read.value();
    }

    /** A lenient scope whose nested warnings are not reported: the caller keeps the whole value raw. */
    private static ReadScope quiet(ReadScope scope) {
        return new ReadScope(scope.document(), new Diagnostics(), scope.sourceMap(), scope.subject(), false);
    }

    private static Optional<Object> fail(
            List<String> problems, ReadScope scope, String path, String pointer, String message) {
        return fail(problems, scope, "wrong_type", path, pointer, message);
    }

    private static Optional<Object> fail(
            List<String> problems, ReadScope scope, String code, String path, String pointer, String message) {
        problems.add(message);
        if (scope.strict()) {
            scope.error(code, message, path, pointer);
        }
        return Optional.empty();
    }

    private static String describe(JsonNode json) {
        if (json.isTextual()) {
            String text = json.textValue();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (json.isNumber()) {
            return "the number " + json.asText();
        }
        if (json.isBoolean()) {
            return json.asText();
        }
        if (json.isArray()) {
            return "a list";
        }
        if (json.isObject()) {
            return "a mapping";
        }
        return json.getNodeType().toString().toLowerCase();
    }

    /** The snake_case JSON object of a record: unset and empty values omitted, keys in declaration order. */
    public static ObjectNode write(Object record) {
        RecordShape shape = RecordShape.of(record.getClass());
        ObjectNode out = NODES.objectNode();
        for (FieldShape field : shape.fields().values()) {
            JsonNode value = toJson(shape.value(record, field));
            if (value != null) {
                out.set(field.wireName(), value);
            }
        }
        return out;
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof WireValue w) {
            return NODES.textNode(w.wire());
        }
        if (value instanceof JsonNode j) {
            return j.deepCopy();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value.getClass().isRecord()) {
            return write(value);
        }
        throw new IllegalStateException("no JSON mapping for " + value.getClass());
    }

    /** The keys of {@code type}, comma-separated, for messages. */
    public static String keysOf(Class<?> type) {
        return RecordShape.of(type).keys().stream().collect(Collectors.joining(", "));
    }
}
