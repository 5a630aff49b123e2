package io.kapsocode.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings a hand-written source file up to date with what Kapso holds by editing only the values that
 * changed, in place: comments, key order, flow or block style and the quoting of everything else stay
 * as the author wrote them, so the diff of an adopted dashboard edit is the edited lines alone. Only a
 * change of scalar values can be made this way; when keys or items were added or removed, or a changed
 * value is a block scalar, there is no in-place edit and the caller writes the file anew.
 */
public final class InPlaceEdit {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/-]*");

    private InPlaceEdit() {}

    /**
     * @param written the file as the author keeps it
     * @param wanted the same file as pull would write it anew
     * @param json whether the files are JSON; YAML otherwise
     * @return {@code written} with the changed values replaced, or empty when the change is not only in
     *     values
     */
    public static Optional<String> apply(String written, String wanted, boolean json) {
        Optional<JsonNode> before = parse(written, json);
        Optional<JsonNode> after = parse(wanted, json);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> changed = new HashMap<>();
        if (!sameShape("", before.get(), after.get(), changed)) {
            return Optional.empty();
        }
        if (changed.isEmpty()) {
            return Optional.of(written);
        }
        Map<String, int[]> spans =
                LocatedText.of(written, json).map(l -> l.scalars).orElse(Map.of());
        List<int[]> edits = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> change : changed.entrySet()) {
            int[] span = spans.get(change.getKey());
            if (span == null) {
                return Optional.empty();
            }
            String old = written.substring(span[0], span[1]);
            if (!json && (old.startsWith("|") || old.startsWith(">"))) {
                return Optional.empty(); // a block scalar: rewriting it in place is not safe
            }
            edits.add(span);
            replacements.add(render(change.getValue(), old, json));
        }
        StringBuilder out = new StringBuilder(written);
        Integer[] order = new Integer[edits.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(edits.get(b)[0], edits.get(a)[0]));
        for (int i : order) {
            out.replace(edits.get(i)[0], edits.get(i)[1], replacements.get(i));
        }
        // the edit must mean exactly what pull wanted
        return parse(out.toString(), json).filter(after.get()::equals).map(x -> out.toString());
    }

    /** Whether the two trees have the same keys and items; collects the scalar values that differ. */
    private static boolean sameShape(String path, JsonNode a, JsonNode b, Map<String, JsonNode> changed) {
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) a::fields) {
                if (!b.has(field.getKey())
                        || !sameShape(path + "/" + field.getKey(), field.getValue(), b.get(field.getKey()), changed)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameShape(path + "/" + i, a.get(i), b.get(i), changed)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            return false;
        }
        if (!a.equals(b)) {
            changed.put(path, b);
        }
        return true;
    }

    /** The new value written as the old one was: plain where it can be, else quoted. */
    private static String render(JsonNode value, String old, boolean json) {
        if (json || !value.isTextual()) {
            return Json.compact(value);
        }
        String text = value.textValue();
        boolean wasQuoted = old.startsWith("\"") || old.startsWith("'");
        if (!wasQuoted
                && PLAIN.matcher(text).matches()
                && parse(text, false).map(JsonNode::isTextual).orElse(false)) {
            return text;
        }
        return Json.compact(value); // a JSON string is a valid YAML double-quoted scalar
    }

    private static Optional<JsonNode> parse(String text, boolean json) {
        if (json) {
            return Json.tryParse(text);
        }
        try {
            return Optional.ofNullable(YAML.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
