package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Flow JSON in YAML is a flow this tool accepts without a single diagnostic. */
class FlowYamlExampleTest {

    static final String MARKER = "<!-- flow-yaml-example";

    @TempDir
    Path sources;

    @Test
    void theReadmesYamlFlowValidates() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf(MARKER);
        assertThat(marker).as("the README marks its YAML flow example").isNotNegative();
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));

        Path folder = Files.createDirectories(sources.resolve("flows").resolve("rating"));
        Files.writeString(
                folder.resolve("flow.yaml"), "name: rating\nphone_number_id: \"111\"\nflow_json: screens.yaml\n");
        Files.writeString(folder.resolve("screens.yaml"), example);
        LoadedProject loaded = new ProjectLoader(sources, sources).load();
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(ProjectValidator.validate(loaded.project()));

        assertThat(all).extracting(Diagnostic::format).isEmpty();
        assertThat(loaded.project().whatsappFlows().get(0).flowJson().path("screens"))
                .hasSize(2);
    }
}
