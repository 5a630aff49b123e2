package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where components sit on a screen (META-COMP): one Footer shows at a time, an If with a Footer in one
 * branch has one in the other, and inputs have names of their own, except in branches of one If or Switch,
 * of which only one shows.
 */
final class FlowLayout {

    private FlowLayout() {}

    /** Two inputs of a screen with one name would overwrite each other's answer, unless only one can show. */
    static void inputNames(FlowJsonRules.Screen screen, Findings findings) {
        Map<String, FlowJsonRules.Located> seen = new HashMap<>();
        for (FlowJsonRules.Located component : screen.components) {
            String type = component.json().path("type").asText("");
            String name = component.json().path("name").asText("");
            if (!FlowComponents.INPUTS.contains(type) || name.isEmpty()) {
                continue;
            }
            FlowJsonRules.Located first = seen.putIfAbsent(name, component);
            if (first != null && !exclusive(first.path(), component.path())) {
                findings.error(
                        "flow_duplicate_input_name",
                        component.path() + ".name",
                        "two inputs of screen '" + screen.id + "' are named '" + name + "'; give each its own name");
            }
        }
    }

    /** At most one Footer shows on a screen, and an If with a Footer in one branch has one in the other. */
    static void footers(FlowJsonRules.Screen screen, Findings findings) {
        List<FlowJsonRules.Located> footers = new ArrayList<>();
        for (FlowJsonRules.Located component : screen.components) {
            String type = component.json().path("type").asText("");
            if (type.equals("Footer")) {
                for (FlowJsonRules.Located earlier : footers) {
                    if (!exclusive(earlier.path(), component.path())) {
                        findings.error(
                                "flow_footer_count",
                                component.path(),
                                "screen '" + screen.id + "' shows a second Footer; Meta allows one per screen (one"
                                        + " in each branch of an If is fine)");
                        break;
                    }
                }
                footers.add(component);
            } else if (type.equals("If")) {
                boolean inThen = hasFooter(component.json().path("then"));
                boolean inElse = hasFooter(component.json().path("else"));
                if (inThen != inElse) {
                    findings.error(
                            "flow_if_footer",
                            component.path() + (inThen ? ".then" : ".else"),
                            "an If on screen '" + screen.id + "' has a Footer only in '" + (inThen ? "then" : "else")
                                    + "'; Meta requires a Footer in both branches or in neither");
                }
            }
        }
    }

    private static boolean hasFooter(JsonNode components) {
        for (JsonNode component : components) {
            if (component.path("type").asText().equals("Footer")) {
                return true;
            }
        }
        return false;
    }

    /** Whether two components sit in different branches of one If or Switch, so that never both show. */
    static boolean exclusive(String path, String other) {
        String[] a = path.split("\\.");
        String[] b = other.split("\\.");
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        if (i >= a.length || i >= b.length) {
            return false;
        }
        boolean branches = (a[i].equals("then") && b[i].equals("else")) || (a[i].equals("else") && b[i].equals("then"));
        return branches || (i > 0 && a[i - 1].equals("cases"));
    }
}
