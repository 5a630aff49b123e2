package io.kapsocode.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Workflow;
import io.kapsocode.yaml.WorkflowYamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared test cases and their golden files from {@code src/test/resources}. */
public final class CaseFiles {

    public static final Path RESOURCES = Path.of("src", "test", "resources");
    public static final Path CASES = RESOURCES.resolve("cases");
    public static final Path GOLDEN = RESOURCES.resolve("golden");

    private CaseFiles() {}

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML twin of a case; fails the test with the diagnostics if it does not read cleanly. */
    public static Workflow yamlCase(String slug) {
        Path file = CASES.resolve(slug + ".yaml");
        Diagnostics diagnostics = new Diagnostics();
        var workflow = WorkflowYamlReader.read(file.toString(), read(file), diagnostics);
        assertThat(diagnostics.sorted()).as("diagnostics of %s", file).isEmpty();
        return workflow.orElseThrow();
    }
}
