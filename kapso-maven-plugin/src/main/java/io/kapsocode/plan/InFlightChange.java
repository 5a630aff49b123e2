package io.kapsocode.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the conversations in flight moved between a saved plan and the apply that reads them again: the
 * reviewer approved a plan that showed some, so many more must be said.
 */
public final class InFlightChange {

    /** More than this share of what the plan saw, and at least one more, is material. */
    static final double MATERIAL = 0.10;

    private InFlightChange() {}

    /** One line per node where materially more conversations wait or run now than the saved plan saw. */
    public static List<String> increases(Plan saved, Plan now) {
        Map<String, Integer> before = totals(saved);
        List<String> lines = new ArrayList<>();
        totals(now).forEach((where, count) -> {
            int then = before.getOrDefault(where, 0);
            if (count > then && count - then >= Math.max(1, Math.ceil(then * MATERIAL))) {
                lines.add("since the plan was made, more conversations stand " + where + ": " + then + " then, " + count
                        + " now");
            }
        });
        return lines;
    }

    /** Conversations at each affected node, as {@code in workflow 'w' at node 'n' (impact)}. */
    private static Map<String, Integer> totals(Plan plan) {
        Map<String, Integer> totals = new TreeMap<>();
        plan.inFlight()
                .values()
                .forEach(seen -> seen.affected()
                        .forEach(a -> totals.merge(
                                "in workflow '" + a.workflow() + "' at node '" + a.node() + "', "
                                        + a.impact().says(),
                                a.total(),
                                Integer::sum)));
        return totals;
    }
}
