package io.kapsocode.model;

import io.kapsocode.diagnostic.SourceLocation;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each element of a model value was written: element paths such as {@code nodes.greet.message}
 * mapped to file locations. Provenance, not content: every source map equals every other, so two
 * workflows with the same content are equal wherever they came from.
 */
public final class SourceMap {

    /** The map of values built in Java, which have no file. */
    public static final SourceMap NONE = new SourceMap(null, Map.of());

    private final String file;
    private final Map<String, SourceLocation> locations;

    private SourceMap(String file, Map<String, SourceLocation> locations) {
        this.file = file;
        this.locations = locations;
    }

    /** The file the value was read from, if any. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The location of {@code path}, or of its nearest enclosing element ({@code nodes.a.message} falls
     * back to {@code nodes.a}), or the file itself.
     */
    public Optional<SourceLocation> locate(String path) {
        if (file == null) {
            return Optional.empty();
        }
        String current = path;
        while (!current.isEmpty()) {
            SourceLocation found = locations.get(current);
            if (found != null) {
                return Optional.of(found);
            }
            int dot = current.lastIndexOf('.');
            current = dot < 0 ? "" : current.substring(0, dot);
        }
        return Optional.of(locations.getOrDefault("", SourceLocation.ofFile(file)));
    }

    /** The same, with more locations (of another file, such as the Flow JSON beside a flow's YAML). */
    public SourceMap plus(Map<String, SourceLocation> more) {
        Map<String, SourceLocation> all = new HashMap<>(locations);
        more.forEach(all::putIfAbsent);
        return new SourceMap(
                file == null
                        ? more.values().stream()
                                .map(SourceLocation::file)
                                .findFirst()
                                .orElse(null)
                        : file,
                Collections.unmodifiableMap(all));
    }

    /** Whether the source wrote the element at {@code path} itself (not only an enclosing one). */
    public boolean contains(String path) {
        return locations.containsKey(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceMap;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return file == null ? "SourceMap[java]" : "SourceMap[" + file + "]";
    }

    /** Collects locations while a reader walks a file. */
    public static final class Builder {
        private final String file;
        private final Map<String, SourceLocation> locations = new HashMap<>();

        public Builder(String file) {
            this.file = file;
        }

        public Builder put(String path, SourceLocation location) {
            locations.putIfAbsent(path, location);
            return this;
        }

        public SourceMap build() {
            // a HashMap copy, not Map.copyOf: large workflows have hundreds of thousands of entries
            return new SourceMap(file, Collections.unmodifiableMap(new HashMap<>(locations)));
        }
    }
}
