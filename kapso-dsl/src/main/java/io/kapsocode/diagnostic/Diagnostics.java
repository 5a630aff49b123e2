package io.kapsocode.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects diagnostics so that every problem of a run is reported at once, never only the first. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Collection<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    public void error(String code, String message, String subject, String path, SourceLocation location) {
        add(new Diagnostic(Severity.ERROR, code, message, subject, path, location));
    }

    public void warning(String code, String message, String subject, String path, SourceLocation location) {
        add(new Diagnostic(Severity.WARNING, code, message, subject, path, location));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** All diagnostics so far, sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        return items.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** Throws {@link InvalidSourceException} with every diagnostic when any of them is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new InvalidSourceException(sorted());
        }
    }
}
