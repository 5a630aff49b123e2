package io.kapsocode.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plan against Kapso's legacy flows API: that API cannot write a flow's status or archive or delete a
 * flow, and keeps none of the Platform's workflow settings. Those changes leave the plan and become notes
 * the user acts on in the Kapso dashboard; nothing of them is ever applied.
 */
final class LegacyTarget {

    /** Workflow fields the legacy API does not have. */
    static final Set<String> UNKEPT = Set.of("message_debounce_seconds", "inbound_message_read_mode");

    private LegacyTarget() {}

    /** Function fields the legacy functions API does not have. */
    static final Set<String> UNKEPT_BY_FUNCTIONS = Set.of("invoke_response_mode", "public_endpoint");

    static List<ResourceChange> adapt(List<ResourceChange> resources) {
        List<ResourceChange> adapted = new ArrayList<>();
        for (ResourceChange resource : resources) {
            adapted.add(
                    resource.kind() == ResourceKind.WORKFLOW
                            ? workflow(resource)
                            : resource.kind() == ResourceKind.FUNCTION ? function(resource) : resource);
        }
        return adapted;
    }

    private static ResourceChange function(ResourceChange resource) {
        List<FieldChange> changes = resource.changes().stream()
                .filter(c -> !UNKEPT_BY_FUNCTIONS.contains(c.path()))
                .toList();
        return reshaped(resource, resource.action(), changes, resource.notes());
    }

    private static ResourceChange workflow(ResourceChange resource) {
        List<FieldChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>(resource.notes());
        notes.removeIf(n -> n.startsWith("status: draft (the default"));
        Action action = resource.action();
        for (FieldChange change : resource.changes()) {
            if (UNKEPT.contains(change.path())) {
                continue;
            }
            if (change.path().equals("status")) {
                String before =
                        change.before() == null ? "draft" : change.before().asText();
                String after = change.after().asText();
                if (action == Action.ARCHIVE) {
                    notes.clear();
                    notes.add("not in the sources; the legacy flows API cannot archive or delete a flow: kept"
                            + " (archive it in the Kapso dashboard)");
                    action = Action.KEEP;
                } else {
                    notes.add("status: " + before + " -> " + after + " is not applied: the legacy flows API cannot"
                            + " change a flow's status; change it in the Kapso dashboard");
                }
                continue;
            }
            changes.add(change);
        }
        return reshaped(resource, action, changes, notes);
    }

    /** The resource with what is left to apply: an update with nothing left is no change. */
    private static ResourceChange reshaped(
            ResourceChange resource, Action action, List<FieldChange> changes, List<String> notes) {
        return new ResourceChange(
                resource.kind(),
                resource.key(),
                action == Action.UPDATE && changes.isEmpty() ? Action.NO_CHANGE : action,
                resource.remoteId(),
                resource.fingerprint(),
                changes,
                notes,
                resource.dependsOn(),
                resource.localHash(),
                resource.origin());
    }
}
