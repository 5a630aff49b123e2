package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One changed value inside a resource.
 *
 * @param path where, such as {@code nodes.greet.config.message}, {@code edges.route[billing]},
 *     {@code triggers}, {@code status}, {@code code}
 * @param before the remote value; a missing node when it is added
 * @param after the local value; a missing node when it is removed
 */
public record FieldChange(String path, JsonNode before, JsonNode after) {

    public FieldChange {
        before = before == null ? MissingNode.getInstance() : before;
        after = after == null ? MissingNode.getInstance() : after;
    }

    public boolean isAddition() {
        return before.isMissingNode();
    }

    public boolean isRemoval() {
        return after.isMissingNode();
    }

    /** Whether the path is {@code prefix} or lies under it. */
    public boolean under(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
    }
}
