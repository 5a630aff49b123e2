package io.kapsocode.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.plan.FieldChange;
import java.util.ArrayList;
import java.util.List;

/**
 * One field change as lines a reviewer reads: {@code + path: value}, {@code - path: value},
 * {@code ~ path: before -> after}, and a line diff under the path for long or multi-line strings.
 */
final class ChangeLines {

    /** A value longer than this is cut in one-line form. */
    static final int MAX_INLINE = 160;

    /** A string longer than this, or with a line break, is shown as a line diff. */
    static final int LONG_STRING = 80;

    private ChangeLines() {}

    static List<String> of(FieldChange change) {
        List<String> lines = new ArrayList<>();
        if (change.isAddition()) {
            whole("+ ", change.path(), change.after(), lines);
        } else if (change.isRemoval()) {
            whole("- ", change.path(), change.before(), lines);
        } else if (isLong(change.before()) || isLong(change.after())) {
            lines.add("~ " + change.path() + ":");
            for (String line : LineDiff.diff(text(change.before()), text(change.after()))) {
                lines.add("    " + line);
            }
        } else {
            lines.add("~ " + change.path() + ": " + inline(change.before()) + " -> " + inline(change.after()));
        }
        return lines;
    }

    /**
     * An added or removed value on one line when it fits, else an object field by field and a long text
     * line by line, so that nothing a reviewer must see is cut. A node and its config are always shown
     * field by field, so that every node of a new workflow reads the same way, short or long.
     */
    private static void whole(String sign, String path, JsonNode value, List<String> lines) {
        if (value.isObject() && (isNodeOrItsConfig(path) || Json.compact(value).length() > MAX_INLINE)) {
            value.properties().forEach(field -> whole(sign, path + "." + field.getKey(), field.getValue(), lines));
        } else if (value.isArray() && Json.compact(value).length() > MAX_INLINE) {
            for (int i = 0; i < value.size(); i++) {
                whole(sign, path + "[" + i + "]", value.get(i), lines);
            }
        } else if (value.isTextual() && isLong(value)) {
            lines.add(sign + path + ":");
            for (String line : value.textValue().stripTrailing().split("\n", -1)) {
                lines.add("    " + sign + line);
            }
        } else {
            lines.add(sign + path + ": " + inline(value));
        }
    }

    /** {@code nodes.greet} or {@code nodes.greet.config}. */
    private static boolean isNodeOrItsConfig(String path) {
        return path.matches("nodes\\.[^.\\[]+(\\.config)?");
    }

    static String inline(JsonNode value) {
        String text = value.isTextual() && value.textValue().contains("\n")
                ? "(" + value.textValue().split("\n", -1).length + " lines)"
                : Json.compact(value);
        return text.length() > MAX_INLINE ? text.substring(0, MAX_INLINE - 3) + "..." : text;
    }

    private static boolean isLong(JsonNode value) {
        return value.isTextual()
                && (value.textValue().length() > LONG_STRING
                        || value.textValue().contains("\n"));
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : Json.compact(value);
    }
}
