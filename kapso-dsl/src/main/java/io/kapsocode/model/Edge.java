package io.kapsocode.model;

import java.util.Objects;

/**
 * A directed edge between two node ids. Out of a {@code decide} node the label is a condition label;
 * everywhere else it is {@code next}.
 *
 * @param source the node it leaves
 * @param target the node it enters
 * @param label the label, {@code next} unless it leaves a decide node
 */
public record Edge(String source, String target, String label) {

    /** The label of every edge that does not leave a decide node. */
    public static final String NEXT = "next";

    public Edge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        label = label == null ? NEXT : label;
    }

    public static Edge next(String source, String target) {
        return new Edge(source, target, NEXT);
    }

    /** The address of this edge in diagnostics: {@code edges.<source>.<label>.<target>}. */
    public String path() {
        return "edges." + source + "." + label + "." + target;
    }
}
