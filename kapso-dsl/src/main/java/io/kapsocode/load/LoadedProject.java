package io.kapsocode.load;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.model.Project;
import java.util.List;

/**
 * What a source tree declares, and every problem found while reading it.
 *
 * @param project the project, holding everything that could be read
 * @param diagnostics the problems, sorted by file, line and column
 */
public record LoadedProject(Project project, List<Diagnostic> diagnostics) {

    public LoadedProject {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
