package io.kapsocode.maven;

import io.kapsocode.dsl.KapsoDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the Java definitions a project declares are compiled and current. A goal run without
 * {@code compile} would otherwise read only the YAML and CLI sources, and a prune would then archive
 * every workflow written in Java.
 */
final class CompiledJava {

    static final String SERVICES = "META-INF/services/" + KapsoDefinitions.class.getName();

    private static final String MARKER = KapsoDefinitions.class.getSimpleName();

    /** Names shown at most, so that a project of a thousand stale classes gets a short message. */
    private static final int SHOWN = 3;

    /**
     * The layout of one Maven project.
     *
     * @param basedir the project folder, to print paths relative to it
     * @param sourceRoots the compile source roots ({@code src/main/java})
     * @param resourceRoots the resource folders ({@code src/main/resources})
     * @param classes the compiler's output folder ({@code target/classes})
     */
    record Layout(Path basedir, List<Path> sourceRoots, List<Path> resourceRoots, Path classes) {}

    private CompiledJava() {}

    /**
     * Why the compiled classes cannot be trusted, naming the files; empty when the project declares no
     * Java definitions (no services file, no source naming {@code KapsoDefinitions}) or when every
     * source is compiled and no older than its class.
     */
    static Optional<String> problem(Layout layout) {
        List<Path> services = layout.resourceRoots().stream()
                .map(root -> root.resolve(SERVICES))
                .filter(Files::isRegularFile)
                .toList();
        boolean declared = !services.isEmpty();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Path service : services) {
            compare(service, layout.classes().resolve(SERVICES), true, layout, missing, stale);
        }
        for (Path source : javaSources(layout.sourceRoots())) {
            String text = read(source);
            declared |= text.contains(MARKER);
            Path root = layout.sourceRoots().stream()
                    .filter(source::startsWith)
                    .findFirst()
                    .orElseThrow();
            String relative = root.relativize(source).toString();
            Path compiled =
                    layout.classes().resolve(relative.substring(0, relative.length() - ".java".length()) + ".class");
            // a file whose only class has another name compiles to no class of its own name
            compare(source, compiled, declaresOwnType(source, text), layout, missing, stale);
        }
        if (!declared || (missing.isEmpty() && stale.isEmpty())) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder("the project declares Kapso definitions in Java, but ");
        if (!missing.isEmpty()) {
            why.append("they are not compiled (").append(shown(missing)).append(" missing)");
        }
        if (!stale.isEmpty()) {
            why.append(missing.isEmpty() ? "" : " and ")
                    .append("their classes are older than their sources (")
                    .append(shown(stale))
                    .append(" changed since it was compiled)");
        }
        return Optional.of(why.toString());
    }

    private static void compare(
            Path source, Path compiled, boolean expected, Layout layout, List<String> missing, List<String> stale) {
        try {
            if (!Files.isRegularFile(compiled)) {
                if (expected) {
                    missing.add(shortName(layout, compiled));
                }
                return;
            }
            FileTime sourceTime = Files.getLastModifiedTime(source);
            if (Files.getLastModifiedTime(compiled).compareTo(sourceTime) < 0) {
                stale.add(shortName(layout, source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortName(Layout layout, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = layout.basedir().toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute)
                .toString()
                .replace('\\', '/');
    }

    private static String shown(List<String> names) {
        String listed = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return names.size() > SHOWN ? listed + " and " + (names.size() - SHOWN) + " more" : listed;
    }

    private static List<Path> javaSources(List<Path> roots) {
        List<Path> sources = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().contains("-")) // package-info, module-info
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static boolean declaresOwnType(Path source, String text) {
        String name = source.getFileName().toString().replaceFirst("\\.java$", "");
        return Pattern.compile("\\b(class|interface|enum|record)\\s+" + Pattern.quote(name) + "\\b")
                .matcher(text)
                .find();
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a file that is not UTF-8 is the compiler's to report
            return "";
        }
    }
}
