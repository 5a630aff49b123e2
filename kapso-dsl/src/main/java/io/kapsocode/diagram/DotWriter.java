package io.kapsocode.diagram;

import io.kapsocode.diagram.WorkflowDiagram.Arrow;
import io.kapsocode.diagram.WorkflowDiagram.Box;
import io.kapsocode.diagram.WorkflowDiagram.Change;
import java.util.Set;

/**
 * A {@link WorkflowDiagram} in Graphviz DOT ({@code dot -Tsvg}): a shape per node type, edge labels,
 * the start node bold and end nodes doubled, a plan's changes in colour (removed ones dashed).
 */
public final class DotWriter {

    private DotWriter() {}

    public static String write(String name, WorkflowDiagram diagram) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(name)).append(" {\n");
        out.append("    rankdir=TB;\n");
        out.append("    node [fontname=\"Helvetica\", fontsize=11];\n");
        out.append("    edge [fontname=\"Helvetica\", fontsize=10];\n");
        Set<String> ends = diagram.ends();
        for (Box box : diagram.boxes()) {
            out.append("    ")
                    .append(quote(box.id()))
                    .append(" [label=")
                    .append(quote(box.id() + "\n" + box.type()
                            + (box.waiting() > 0 ? "\n" + box.waiting() + " waiting" : "")))
                    .append(", shape=")
                    .append(shape(box.type()));
            if (box.type().equals("start")) {
                out.append(", style=bold");
            } else if (ends.contains(box.id())) {
                out.append(", peripheries=2");
            }
            colour(out, box.change());
            out.append("];\n");
        }
        for (Arrow arrow : diagram.arrows()) {
            out.append("    ").append(quote(arrow.from())).append(" -> ").append(quote(arrow.to()));
            StringBuilder attributes = new StringBuilder();
            if (!arrow.label().equals("next")) {
                attributes.append("label=").append(quote(arrow.label()));
            }
            colour(attributes, arrow.change());
            if (attributes.length() > 0) {
                out.append(" [")
                        .append(attributes.toString().replaceFirst("^, ", ""))
                        .append(']');
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static void colour(StringBuilder out, Change change) {
        switch (change) {
            case ADDED -> out.append(", color=\"#2da44e\"");
            case CHANGED -> out.append(", color=\"#bf8700\"");
            case REMOVED -> out.append(", color=\"#cf222e\", style=dashed");
            default -> {}
        }
    }

    private static String shape(String type) {
        return switch (type) {
            case "start" -> "oval";
            case "send_text", "send_template", "send_interactive" -> "parallelogram";
            case "wait_for_response" -> "hexagon";
            case "decide" -> "diamond";
            case "call", "function", "webhook" -> "component";
            case "agent" -> "ellipse";
            case "handoff" -> "house";
            case "terminal_screen" -> "doubleoctagon";
            default -> "box";
        };
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
