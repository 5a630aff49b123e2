package io.kapsocode.diagnostic;

/** How serious a {@link Diagnostic} is. Errors block compiling and applying; warnings do not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word printed in compiler-style lines. */
    public String label() {
        return label;
    }
}
