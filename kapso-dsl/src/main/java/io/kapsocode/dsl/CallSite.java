package io.kapsocode.dsl;

import io.kapsocode.diagnostic.SourceLocation;
import java.util.Optional;

/**
 * Where the author's code called the builder: the first stack frame outside this package, as a path
 * relative to a source root ({@code com/acme/Workflows.java}) and a line. Diagnostics of workflows built
 * in Java then point at the Java line, as those of YAML point at the YAML line.
 */
public final class CallSite {

    private static final String DSL = CallSite.class.getPackageName() + ".";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSite() {}

    /** The caller of the DSL method running now, if its class file carries line numbers. */
    static Optional<SourceLocation> here() {
        return WALKER.walk(frames ->
                        frames.filter(f -> !f.getClassName().startsWith(DSL)).findFirst())
                .filter(f -> f.getFileName() != null && f.getLineNumber() > 0)
                .map(f -> new SourceLocation(sourcePath(f.getClassName(), f.getFileName()), f.getLineNumber(), 0));
    }

    /** The first frame of {@code thrown} outside this package and the JDK: where the author's call failed. */
    public static Optional<SourceLocation> of(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String name = frame.getClassName();
            if (!name.startsWith(DSL) && !name.startsWith("java.") && !name.startsWith("jdk.")) {
                return frame.getFileName() == null || frame.getLineNumber() <= 0
                        ? Optional.empty()
                        : Optional.of(
                                new SourceLocation(sourcePath(name, frame.getFileName()), frame.getLineNumber(), 0));
            }
        }
        return Optional.empty();
    }

    /** {@code com.acme.Workflows$1} in {@code Workflows.java} as {@code com/acme/Workflows.java}. */
    static String sourcePath(String className, String fileName) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? fileName : className.substring(0, dot).replace('.', '/') + "/" + fileName;
    }
}
