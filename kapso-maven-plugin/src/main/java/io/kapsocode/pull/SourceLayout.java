package io.kapsocode.pull;

import java.util.Locale;

/** How pulled workflows are written. */
public enum SourceLayout {
    /** This tool's YAML, one file per workflow: {@code workflows/<slug>.yaml}. */
    YAML,
    /** The Kapso CLI layout: {@code workflows/<slug>/workflow.yaml} + {@code definition.json}. */
    CLI,
    /** A Java class of the builder DSL, registered as {@code KapsoDefinitions}. */
    JAVA;

    /** {@code yaml}, {@code cli} or {@code java}, as {@code -Dkapso.format} spells it. */
    public static SourceLayout parse(String text) {
        for (SourceLayout layout : values()) {
            if (layout.name().equalsIgnoreCase(text.strip())) {
                return layout;
            }
        }
        throw new IllegalArgumentException(
                "kapso.format '" + text + "' is not a source layout: use yaml, cli or java".toLowerCase(Locale.ROOT));
    }
}
