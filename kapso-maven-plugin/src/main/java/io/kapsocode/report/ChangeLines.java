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
            lines.add("+ " + change.path() + ": " + inline(change.after()));
        } else if (change.isRemoval()) {
            lines.add("- " + change.path() + ": " + inline(change.before()));
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
