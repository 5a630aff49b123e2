package io.kapsocode.plan;

import java.util.List;

/**
 * What apply would do, as a value: one entry per resource, in apply order.
 *
 * @param formatVersion the version of the plan file format ({@link #FORMAT_VERSION})
 * @param target the API the plan was made against
 * @param resources every resource compared, including those without change
 */
public record Plan(int formatVersion, String target, List<ResourceChange> resources) {

    /** Raised when the plan file changes shape; readers refuse other versions. */
    public static final int FORMAT_VERSION = 1;

    public Plan {
        resources = List.copyOf(resources);
    }

    public long count(Action action) {
        return resources.stream().filter(r -> r.action() == action).count();
    }

    public boolean hasChanges() {
        return resources.stream().anyMatch(r -> r.action().writes());
    }

    /** {@code Plan: 2 to create, 3 to update, 0 to archive.} */
    public String summary() {
        if (!hasChanges()) {
            return "No changes. The Kapso project matches the sources.";
        }
        return "Plan: " + count(Action.CREATE) + " to create, " + count(Action.UPDATE) + " to update, "
                + (count(Action.ARCHIVE) + count(Action.DELETE)) + " to archive.";
    }
}
