package io.kapsocode.diagnostic;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the sources: a stable {@code code}, a message that ends with the fix, the path
 * of the element inside its workflow (such as {@code nodes.greet.message}) and, when known, where it
 * stands in a file.
 *
 * @param severity error or warning
 * @param code stable snake_case code, the same as Kapso's own tooling where it has one
 * @param message lower-case sentence naming the element and the fix
 * @param subject what the problem belongs to, such as {@code workflow 'order-status'}; may be empty
 * @param path dotted path of the element inside the subject; may be empty
 * @param location where it stands in a file, if the element came from one
 */
public record Diagnostic(
        Severity severity, String code, String message, String subject, String path, SourceLocation location) {

    /** Sorts by file, line and column; diagnostics without a location come last, by subject and path. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(
                    (Diagnostic d) -> d.location, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Diagnostic::subject)
            .thenComparing(Diagnostic::path)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        subject = subject == null ? "" : subject;
        path = path == null ? "" : path;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Optional<SourceLocation> sourceLocation() {
        return Optional.ofNullable(location);
    }

    /**
     * The compiler-style line: {@code file:line:col: error[code] message}, or, without a file,
     * {@code workflow 'x' nodes.a: error[code] message}.
     */
    public String format() {
        StringBuilder line = new StringBuilder();
        if (location != null) {
            line.append(location);
        } else {
            line.append(subject);
            if (!path.isEmpty()) {
                line.append(subject.isEmpty() ? "" : " ").append(path);
            }
        }
        return line.append(": ")
                .append(severity.label())
                .append('[')
                .append(code)
                .append("] ")
                .append(message)
                .toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
