package io.kapsocode.report;

import io.kapsocode.diagram.MermaidWriter;
import io.kapsocode.diagram.WorkflowDiagram;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.InFlight;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan as GitHub-flavoured Markdown for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: a
 * summary table, then one collapsed {@code diff} block per changed resource, cut to a size GitHub
 * accepts (a comment holds at most 65,536 characters).
 */
public final class PlanMarkdown {

    /** Room left under GitHub's comment limit for the footer. */
    public static final int DEFAULT_MAX_CHARS = 60_000;

    private PlanMarkdown() {}

    public static String render(Plan plan, int maxChars) {
        return render(plan, maxChars, Map.of());
    }

    /**
     * With a Mermaid picture of each workflow in {@code diagrams} ({@link PlanDiagrams}) in its section.
     */
    public static String render(Plan plan, int maxChars, Map<String, WorkflowDiagram> diagrams) {
        StringBuilder head = new StringBuilder();
        head.append("### Kapso plan\n\n**").append(plan.summary()).append("**\n\n");
        head.append("Target: `").append(plan.target()).append("`\n\n");
        long stranded = plan.inFlight().values().stream()
                .flatMap(f -> f.refusable().stream())
                .mapToLong(InFlight.Affected::waiting)
                .sum();
        if (stranded > 0) {
            head.append("> **Warning:** ")
                    .append(stranded)
                    .append(stranded == 1 ? " conversation waits" : " conversations wait")
                    .append(" at nodes this plan removes or retypes; `kapso:apply` refuses it unless")
                    .append(" `-Dkapso.inFlight=allow`.\n\n");
        }
        List<ResourceChange> changed =
                plan.resources().stream().filter(r -> r.action().writes()).toList();
        if (!changed.isEmpty()) {
            head.append("| | Resource | Action | Changes |\n|---|---|---|---|\n");
            for (ResourceChange resource : changed) {
                head.append("| `")
                        .append(PlanText.symbol(resource.action()))
                        .append("` | ")
                        .append(resource.kind().label())
                        .append(" `")
                        .append(escape(resource.key()))
                        .append("` | ")
                        .append(resource.action().name().toLowerCase(java.util.Locale.ROOT))
                        .append(escape(PlanText.origin(resource)))
                        .append(" | ")
                        .append(resource.changes().size())
                        .append(" |\n");
            }
            head.append('\n');
        }
        List<String> sections = new ArrayList<>();
        for (ResourceChange resource : changed) {
            sections.add(section(resource, PlanText.inFlight(plan, resource), diagrams.get(resource.address())));
        }
        List<String> noted = plan.resources().stream()
                .filter(r -> r.action() == Action.NO_CHANGE && !r.notes().isEmpty())
                .map(r ->
                        "- " + r.kind().label() + " `" + escape(r.key()) + "`: " + escape(String.join("; ", r.notes())))
                .toList();
        if (!noted.isEmpty()) {
            sections.add("**To do outside this tool** (unchanged here):\n\n" + String.join("\n", noted) + "\n");
        }
        List<String> kept = plan.resources().stream()
                .filter(r -> r.action() == Action.KEEP)
                .map(r ->
                        "- " + r.kind().label() + " `" + escape(r.key()) + "`: " + escape(String.join("; ", r.notes())))
                .toList();
        if (!kept.isEmpty()) {
            sections.add("<details><summary>Only in Kapso (" + kept.size() + ")</summary>\n\n" + String.join("\n", kept)
                    + "\n\n</details>\n");
        }
        StringBuilder out = new StringBuilder(head);
        int left = sections.size();
        for (String section : sections) {
            String footer = "\n_" + left + " more section" + (left == 1 ? "" : "s")
                    + " cut to fit GitHub's comment size; see `target/kapso/plan.json` for the full plan._\n";
            if (out.length() + section.length() + footer.length() > maxChars) {
                out.append(footer);
                return out.toString();
            }
            out.append(section);
            left--;
        }
        return out.toString();
    }

    private static String section(ResourceChange resource, List<String> inFlight, WorkflowDiagram diagram) {
        StringBuilder section = new StringBuilder();
        section.append("<details><summary>")
                .append(resource.kind().label())
                .append(" <code>")
                .append(html(resource.key()))
                .append("</code>: ")
                .append(resource.action().name().toLowerCase(java.util.Locale.ROOT))
                .append(" (")
                .append(resource.changes().size())
                .append(resource.changes().size() == 1 ? " change" : " changes")
                .append(")</summary>\n\n");
        if (diagram != null) {
            section.append(picture(diagram));
        }
        if (!resource.changes().isEmpty()) {
            section.append("```diff\n");
            for (FieldChange change : resource.changes()) {
                for (String line : ChangeLines.of(change)) {
                    section.append(fence(signFirst(line))).append('\n');
                }
            }
            section.append("```\n");
        }
        for (String note : resource.notes()) {
            section.append("\n> ").append(escape(note)).append('\n');
        }
        for (String line : inFlight) {
            section.append("\n> ").append(escape(line)).append('\n');
        }
        return section.append("\n</details>\n\n").toString();
    }

    /** The Mermaid picture, or a note when the graph is too large for one. */
    private static String picture(WorkflowDiagram diagram) {
        if (diagram.boxes().isEmpty()) {
            return "_The graph (" + diagram.omitted() + " nodes) is too large to draw here; `mvn kapso:graph"
                    + " -Dkapso.only=<slug>` prints it._\n\n";
        }
        String note = diagram.omitted() > 0 ? "_" + diagram.omitted() + " unchanged nodes are not drawn._\n\n" : "";
        return "```mermaid\n" + MermaidWriter.write(diagram) + "```\n\n" + note
                + "_Green: added; yellow: changed; red, dashed: removed._\n\n";
    }

    /** GitHub colours a diff line by its first character: an indented line diff gets its sign moved there. */
    private static String signFirst(String line) {
        String trimmed = line.stripLeading();
        if (line.length() > trimmed.length() && (trimmed.startsWith("+ ") || trimmed.startsWith("- "))) {
            return trimmed.charAt(0) + line.substring(1, line.length() - trimmed.length()) + "  "
                    + trimmed.substring(2);
        }
        return line;
    }

    /** A line that would close the code block is broken up. */
    private static String fence(String line) {
        return line.replace("```", "`\u200B``");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
