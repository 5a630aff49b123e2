package io.kapsocode.report;

import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.ResourceChange;
import java.util.ArrayList;
import java.util.List;

/** The plan as log lines, Terraform-style, optionally coloured with ANSI codes. */
public final class PlanText {

    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RED = "\u001B[31m";
    private static final String RESET = "\u001B[0m";

    private PlanText() {}

    public static List<String> lines(Plan plan, boolean colour) {
        List<String> lines = new ArrayList<>();
        lines.add("Kapso plan for " + plan.target());
        long kept = plan.count(Action.KEEP);
        long unchanged = plan.count(Action.NO_CHANGE);
        for (ResourceChange resource : plan.resources()) {
            if (resource.action() == Action.NO_CHANGE || resource.action() == Action.KEEP) {
                continue;
            }
            lines.add("");
            lines.add(paint(
                    symbol(resource.action()) + " " + resource.subject() + " will be " + verb(resource.action())
                            + origin(resource),
                    resource.action(),
                    colour));
            for (FieldChange change : resource.changes()) {
                for (String line : ChangeLines.of(change)) {
                    lines.add("    " + paint(line, colour));
                }
            }
            resource.notes().forEach(note -> lines.add("    note: " + note));
            inFlight(plan, resource).forEach(line -> lines.add("    " + line));
        }
        for (ResourceChange resource : plan.resources()) {
            boolean keptWithNews =
                    resource.action() == Action.KEEP && !resource.notes().get(0).contains("already archived");
            // an unchanged resource with a note: something the user must do elsewhere (legacy API status)
            boolean unchangedWithNote =
                    resource.action() == Action.NO_CHANGE && !resource.notes().isEmpty();
            if (keptWithNews || unchangedWithNote) {
                lines.add("");
                lines.add("  " + resource.subject() + ": " + String.join("; ", resource.notes()));
            }
        }
        lines.add("");
        if (unchanged + kept > 0) {
            lines.add(unchanged + " unchanged, " + kept + " only in Kapso.");
        }
        lines.add(plan.summary());
        return lines;
    }

    /** The plan's lines about the conversations in flight in a workflow it changes. */
    static List<String> inFlight(Plan plan, ResourceChange resource) {
        if (resource.kind() != io.kapsocode.plan.ResourceKind.WORKFLOW) {
            return List.of();
        }
        return plan.inFlight(resource.key())
                .map(f -> f.describe(resource.key()))
                .orElse(List.of());
    }

    /** Which side moved since the last apply, when that is known. */
    static String origin(ResourceChange resource) {
        return switch (resource.origin()) {
            case SOURCES -> " (changed in the sources)";
            case KAPSO ->
                " (changed in Kapso since the last apply: applying undoes that edit; kapso:pull -Dkapso.only="
                        + resource.key() + " adopts it)";
            case BOTH -> " (changed both in the sources and in Kapso since the last apply)";
            default -> "";
        };
    }

    static String symbol(Action action) {
        return switch (action) {
            case CREATE -> "+";
            case UPDATE -> "~";
            case ARCHIVE, DELETE -> "-";
            default -> " ";
        };
    }

    static String verb(Action action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case ARCHIVE -> "archived";
            case DELETE -> "deleted";
            default -> "kept";
        };
    }

    private static String paint(String text, Action action, boolean colour) {
        if (!colour) {
            return text;
        }
        String code = action == Action.CREATE ? GREEN : action == Action.UPDATE ? YELLOW : RED;
        return code + text + RESET;
    }

    /** A change line in the colour of its sign. */
    private static String paint(String line, boolean colour) {
        if (!colour) {
            return line;
        }
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("+ ")) {
            return GREEN + line + RESET;
        }
        if (trimmed.startsWith("- ")) {
            return RED + line + RESET;
        }
        return trimmed.startsWith("~ ") ? YELLOW + line + RESET : line;
    }
}
