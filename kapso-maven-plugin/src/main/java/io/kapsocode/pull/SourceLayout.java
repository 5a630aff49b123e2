package io.kapsocode.pull;

import java.util.Locale;

/** How pulled workflows are written. */
public enum SourceLayout {
    /** This tool's YAML, one file per workflow: {@code workflows/<slug>.yaml}. */
    YAML,
    /** The Kapso CLI layout: {@code workflows/<slug>/workflow.yaml} + {@code definition.json}. */
    CLI;

    /** {@code yaml} or {@code cli}, as {@code -Dkapso.format} spells it. */
    public static SourceLayout parse(String text) {
        for (SourceLayout layout : values()) {
            if (layout.name().equalsIgnoreCase(text.strip())) {
                return layout;
            }
        }
        throw new IllegalArgumentException(
                "kapso.format '" + text + "' is not a source layout: use yaml or cli".toLowerCase(Locale.ROOT));
    }
}
