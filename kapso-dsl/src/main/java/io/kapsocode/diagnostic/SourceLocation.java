package io.kapsocode.diagnostic;

import java.util.Objects;

/**
 * A place in a source file, 1-based like every editor and compiler.
 *
 * @param file the file as the user should see it (relative to the project where possible)
 * @param line 1-based line, or 0 when only the file is known
 * @param column 1-based column, or 0 when only the file or line is known
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** A location naming only the file, for problems that concern it as a whole. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
