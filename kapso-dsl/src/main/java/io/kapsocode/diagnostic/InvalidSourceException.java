package io.kapsocode.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when sources hold errors; carries every diagnostic found, sorted, not just the first one. */
public final class InvalidSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public InvalidSourceException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n"))
                + errors
                + (errors == 1 ? " error" : " errors");
    }
}
