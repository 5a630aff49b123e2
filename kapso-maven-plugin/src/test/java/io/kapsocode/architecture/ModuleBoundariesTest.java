package io.kapsocode.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the architecture, checked on the sources: the model and compiler know neither HTTP
 * nor Maven; in the plugin only the Mojo package knows Maven, so the engine can be called from plain
 * Java and tested without Maven.
 */
class ModuleBoundariesTest {

    private static final Path DSL = Path.of("..", "kapso-dsl", "src", "main", "java");
    private static final Path PLUGIN = Path.of("src", "main", "java");

    @Test
    void kapsoDslImportsNeitherHttpNorMaven() {
        assertThat(importing(DSL, "java.net.http", "org.apache.maven")).isEmpty();
    }

    @Test
    void theSimulatorKnowsNeitherMavenNorThePlatformApiClient() {
        Path simulator = Path.of("..", "kapso-simulator", "src", "main", "java");
        assertThat(importing(simulator, "org.apache.maven", "io.kapsocode.client", "io.kapsocode.testkit"))
                .isEmpty();
    }

    @Test
    void onlyTheMojoPackageImportsMaven() {
        assertThat(importing(PLUGIN, "org.apache.maven"))
                .allSatisfy(file ->
                        assertThat(file).contains("io/kapsocode/maven/".replace('/', java.io.File.separatorChar)));
        assertThat(importing(PLUGIN.resolve("io/kapsocode/client"), "org.apache.maven"))
                .isEmpty();
    }

    @Test
    void theEngineNeverUsesTheEmulatorAndPackagesDependOneWay() {
        for (String engine : List.of("client", "remote", "plan", "apply", "report", "pull")) {
            assertThat(importing(
                            PLUGIN.resolve("io/kapsocode/" + engine), "io.kapsocode.testkit", "io.kapsocode.maven"))
                    .as("io.kapsocode.%s may not use the emulator or the Mojos", engine)
                    .isEmpty();
        }
        // client <- remote <- plan <- report, and apply on plan: never the other way
        assertThat(importing(
                        PLUGIN.resolve("io/kapsocode/client"),
                        "io.kapsocode.remote",
                        "io.kapsocode.plan",
                        "io.kapsocode.apply",
                        "io.kapsocode.report"))
                .isEmpty();
        assertThat(importing(
                        PLUGIN.resolve("io/kapsocode/remote"),
                        "io.kapsocode.plan",
                        "io.kapsocode.apply",
                        "io.kapsocode.report"))
                .isEmpty();
        assertThat(importing(PLUGIN.resolve("io/kapsocode/plan"), "io.kapsocode.apply", "io.kapsocode.report"))
                .isEmpty();
        assertThat(importing(PLUGIN.resolve("io/kapsocode/report"), "io.kapsocode.apply"))
                .isEmpty();
    }

    private static List<String> importing(Path root, String... prefixes) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        String text = read(f);
                        return Stream.of(prefixes).anyMatch(p -> text.contains("import " + p));
                    })
                    .map(Path::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
