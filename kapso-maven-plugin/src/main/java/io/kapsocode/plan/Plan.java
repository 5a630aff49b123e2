package io.kapsocode.plan;

import java.util.List;
import java.util.Map;

/**
 * What apply would do, as a value: one entry per resource, in apply order.
 *
 * @param formatVersion the version of the plan file format ({@link #FORMAT_VERSION})
 * @param target the API the plan was made against
 * @param resources every resource compared, including those without change
 * @param inFlight the conversations in flight in each workflow whose definition it changes, by slug
 */
public record Plan(int formatVersion, String target, List<ResourceChange> resources, Map<String, InFlight> inFlight) {

    /** Raised when the plan file changes shape; readers refuse other versions. */
    public static final int FORMAT_VERSION = 1;

    public Plan {
        resources = List.copyOf(resources);
        inFlight = Map.copyOf(inFlight);
    }

    public Plan(int formatVersion, String target, List<ResourceChange> resources) {
        this(formatVersion, target, resources, Map.of());
    }

    /** The same, with what was seen in flight. */
    public Plan withInFlight(Map<String, InFlight> seen) {
        return new Plan(formatVersion, target, resources, seen);
    }

    /** What was seen in flight in a workflow, if the plan changes its definition. */
    public java.util.Optional<InFlight> inFlight(String workflow) {
        return java.util.Optional.ofNullable(inFlight.get(workflow));
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
