package io.kapsocode.diagram;

import io.kapsocode.diagram.WorkflowDiagram.Arrow;
import io.kapsocode.diagram.WorkflowDiagram.Box;
import io.kapsocode.diagram.WorkflowDiagram.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link WorkflowDiagram} as a Mermaid flowchart, as GitHub renders it in Markdown: a shape per node
 * type, edge labels, the start and end nodes marked, and a plan's added, changed and removed nodes and
 * edges in their own styles (removed ones dashed), with the conversations waiting at a node in its box.
 * Node ids are written as {@code n0}, {@code n1}... so that no id can break the syntax; labels are
 * quoted and escaped.
 */
public final class MermaidWriter {

    private MermaidWriter() {}

    public static String write(WorkflowDiagram diagram) {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        Map<String, String> names = new HashMap<>();
        Set<String> ends = diagram.ends();
        for (Box box : diagram.boxes()) {
            String name = "n" + names.size();
            names.put(box.id(), name);
            out.append("    ").append(name).append(shape(box)).append('\n');
        }
        List<String> linkStyles = new ArrayList<>();
        int index = 0;
        for (Arrow arrow : diagram.arrows()) {
            String from = names.get(arrow.from());
            String to = names.get(arrow.to());
            if (from == null || to == null) {
                continue; // an edge to a node the picture leaves out, or to none
            }
            out.append("    ").append(from).append(arrow.change() == Change.REMOVED ? " -.->" : " -->");
            if (!arrow.label().equals("next")) {
                out.append("|\"").append(escape(arrow.label())).append("\"|");
            }
            out.append(' ').append(to).append('\n');
            switch (arrow.change()) {
                case ADDED -> linkStyles.add("    linkStyle " + index + " stroke:#2da44e,stroke-width:2px");
                case REMOVED -> linkStyles.add("    linkStyle " + index + " stroke:#cf222e,stroke-dasharray:5 5");
                case CHANGED -> linkStyles.add("    linkStyle " + index + " stroke:#bf8700,stroke-width:2px");
                default -> {}
            }
            index++;
        }
        classes(
                out,
                diagram,
                names,
                "start stroke:#0969da,stroke-width:3px",
                b -> b.type().equals("start"));
        classes(
                out,
                diagram,
                names,
                "finish stroke:#57606a,stroke-width:3px",
                b -> ends.contains(b.id()) && !b.type().equals("start"));
        classes(out, diagram, names, "added fill:#dafbe1,stroke:#2da44e", b -> b.change() == Change.ADDED);
        classes(out, diagram, names, "changed fill:#fff8c5,stroke:#bf8700", b -> b.change() == Change.CHANGED);
        classes(
                out,
                diagram,
                names,
                "removed fill:#ffebe9,stroke:#cf222e,stroke-dasharray:5 5",
                b -> b.change() == Change.REMOVED);
        linkStyles.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** A class and its members, when it has any: {@code definition} is its name and its style. */
    private static void classes(
            StringBuilder out,
            WorkflowDiagram diagram,
            Map<String, String> names,
            String definition,
            java.util.function.Predicate<Box> which) {
        List<String> members = diagram.boxes().stream()
                .filter(which)
                .map(b -> names.get(b.id()))
                .toList();
        if (!members.isEmpty()) {
            String name = definition.substring(0, definition.indexOf(' '));
            out.append("    classDef ").append(definition).append('\n');
            out.append("    class ")
                    .append(String.join(",", members))
                    .append(' ')
                    .append(name)
                    .append('\n');
        }
    }

    private static String shape(Box box) {
        String label = "\"" + escape(box.id()) + "<br/>" + escape(box.type())
                + (box.waiting() > 0 ? "<br/>" + box.waiting() + " waiting" : "") + "\"";
        return switch (box.type()) {
            case "start" -> "([" + label + "])";
            case "send_text", "send_template", "send_interactive" -> "[/" + label + "/]";
            case "wait_for_response" -> "{{" + label + "}}";
            case "decide" -> "{" + label + "}";
            case "call", "function", "webhook" -> "[[" + label + "]]";
            case "agent" -> "(" + label + ")";
            case "handoff" -> ">" + label + "]";
            case "terminal_screen" -> "([" + label + "])";
            default -> "[" + label + "]";
        };
    }

    /** Mermaid's entity codes for what would end a quoted label or be read as markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '|' -> out.append("#124;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
