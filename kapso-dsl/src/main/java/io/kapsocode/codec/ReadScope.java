package io.kapsocode.codec;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.model.SourceMap;

/**
 * What a reader needs while it turns one file into model values: the document (for locations), where
 * problems go, the source map being built, and how strict to be.
 *
 * @param document the parsed file
 * @param diagnostics where problems are reported
 * @param sourceMap collects the location of every element read
 * @param subject how diagnostics name the resource, such as {@code workflow 'order-status'}
 * @param strict {@code true} for this tool's own formats, where an unknown key or a wrong type is an
 *     error; {@code false} for files Kapso's CLI writes, where they are kept as they are
 */
public record ReadScope(
        SourceDocument document, Diagnostics diagnostics, SourceMap.Builder sourceMap, String subject, boolean strict) {

    public SourceLocation at(String pointer) {
        return document.at(pointer);
    }

    public SourceLocation keyAt(String pointer) {
        return document.keyAt(pointer);
    }

    /** Records where the element at {@code path} stands: its key if it has one, else its value. */
    public void locate(String path, String pointer) {
        sourceMap.put(path, keyAt(pointer));
    }

    public void error(String code, String message, String path, String pointer) {
        diagnostics.error(code, message, subject, path, at(pointer));
    }

    public void errorAtKey(String code, String message, String path, String pointer) {
        diagnostics.error(code, message, subject, path, keyAt(pointer));
    }

    public void warning(String code, String message, String path, String pointer) {
        diagnostics.warning(code, message, subject, path, keyAt(pointer));
    }
}
