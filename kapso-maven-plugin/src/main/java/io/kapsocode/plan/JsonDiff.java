package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kapsocode.json.CanonicalJson;
import java.util.List;
import java.util.TreeSet;

/** Field-level differences between two JSON values: objects key by key, anything else whole. */
final class JsonDiff {

    private JsonDiff() {}

    static void diff(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
        before = present(before);
        after = present(after);
        if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, before.path(key), after.path(key), out);
            }
        } else if (!same(before, after)) {
            out.add(new FieldChange(path, before, after));
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        return CanonicalJson.canonicalize(present(a)).equals(CanonicalJson.canonicalize(present(b)));
    }

    /** {@code null} and absent mean the same here. */
    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? MissingNode.getInstance() : value;
    }
}
