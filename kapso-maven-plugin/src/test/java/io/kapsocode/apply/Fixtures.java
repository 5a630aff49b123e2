package io.kapsocode.apply;

import java.nio.file.Path;

/** Test sources shared across packages. */
public final class Fixtures {

    /** A Kapso CLI tree in the shapes of real exports (kapso-dsl's fixture, written by us). */
    public static final Path REAL_WORLD = Path.of("..", "kapso-dsl", "src", "test", "resources", "real-world");

    private Fixtures() {}
}
