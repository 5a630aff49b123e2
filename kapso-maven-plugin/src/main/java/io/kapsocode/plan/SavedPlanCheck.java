package io.kapsocode.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a saved plan still holds: made for the same API, against a remote that has not moved since
 * (same fingerprints), from the same sources (same changes). Apply runs a saved plan only when it does.
 */
public final class SavedPlanCheck {

    private SavedPlanCheck() {}

    /** Every reason the saved plan no longer holds; empty when it does. */
    public static List<String> problems(Plan saved, Plan fresh) {
        List<String> problems = new ArrayList<>();
        if (!saved.target().equals(fresh.target())) {
            problems.add("the plan was made for " + saved.target() + ", this apply targets " + fresh.target());
            return problems;
        }
        Map<String, ResourceChange> now = byAddress(fresh);
        Map<String, ResourceChange> then = byAddress(saved);
        for (ResourceChange before : then.values()) {
            ResourceChange after = now.get(before.address());
            if (after == null) {
                problems.add(before.subject() + " is no longer part of the plan");
            } else if (!before.fingerprint().equals(after.fingerprint())) {
                problems.add(before.subject() + " changed in Kapso since the plan ("
                        + moved(before.fingerprint(), after.fingerprint()) + ")");
            } else if (before.action() != after.action() || !sameChanges(before.changes(), after.changes())) {
                problems.add(before.subject() + ": the sources changed since the plan");
            }
        }
        for (ResourceChange added : now.values()) {
            if (!then.containsKey(added.address())) {
                problems.add(added.subject() + " appeared since the plan");
            }
        }
        return problems;
    }

    private static boolean sameChanges(List<FieldChange> a, List<FieldChange> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).path().equals(b.get(i).path())
                    || !JsonDiff.same(a.get(i).before(), b.get(i).before())
                    || !JsonDiff.same(a.get(i).after(), b.get(i).after())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, ResourceChange> byAddress(Plan plan) {
        Map<String, ResourceChange> map = new LinkedHashMap<>();
        plan.resources().forEach(r -> map.put(r.address(), r));
        return map;
    }

    /** {@code lock_version 3 -> 4, definition a1b2 -> c3d4}: the fingerprint parts that differ. */
    private static String moved(String before, String after) {
        Map<String, String> a = parts(before);
        Map<String, String> b = parts(after);
        List<String> moved = new ArrayList<>();
        b.forEach((key, value) -> {
            if (!value.equals(a.get(key))) {
                moved.add(key + " " + a.getOrDefault(key, "absent") + " -> " + value);
            }
        });
        a.keySet().stream().filter(k -> !b.containsKey(k)).forEach(k -> moved.add(k + " " + a.get(k) + " -> absent"));
        return String.join(", ", moved);
    }

    private static Map<String, String> parts(String fingerprint) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : fingerprint.split(";")) {
            int eq = part.indexOf('=');
            parts.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        return parts;
    }
}
