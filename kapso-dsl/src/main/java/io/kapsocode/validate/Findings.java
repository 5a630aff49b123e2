package io.kapsocode.validate;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.Severity;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.model.SourceMap;

/** Records the diagnostics of one subject (a workflow, function or flow), located through its source map. */
final class Findings {

    private final Diagnostics out;
    private final String subject;
    private final SourceMap sourceMap;

    Findings(Diagnostics out, String subject, SourceMap sourceMap) {
        this.out = out;
        this.subject = subject;
        this.sourceMap = sourceMap;
    }

    /**
     * Whether the source wrote the element at {@code path}: a written element the model lacks could not
     * be read, and the reader has already said why.
     */
    boolean written(String path) {
        return sourceMap.contains(path);
    }

    void error(String code, String path, String message) {
        add(Severity.ERROR, code, path, message);
    }

    void warning(String code, String path, String message) {
        add(Severity.WARNING, code, path, message);
    }

    void add(Severity severity, String code, String path, String message) {
        SourceLocation location = sourceMap.locate(path).orElse(null);
        if (severity == Severity.ERROR) {
            out.error(code, message, subject, path, location);
        } else {
            out.warning(code, message, subject, path, location);
        }
    }
}
