package io.kapsocode.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One source tree, per-environment values: replaced everywhere, and every missing one reported. */
class EnvironmentTest {

    @TempDir
    Path root;

    @BeforeEach
    void sources() throws IOException {
        Files.createDirectories(root.resolve("workflows"));
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("workflows/support.yaml"), """
                slug: support
                name: Support
                triggers:
                  - type: inbound_message
                    phone_number_id: "${kapso:number}"
                nodes:
                  start:
                    next: greet
                  greet:
                    type: send_text
                    message: "Hi from ${kapso:brand}! Ask {{vars.topic}} or ${ENV:SECRET}."
                """);
        Files.writeString(root.resolve("environments/staging.yaml"), """
                values:
                  number: "1145171692000001"
                  brand: Acme test
                """);
        Files.writeString(root.resolve("environments/broken.yaml"), """
                values:
                  number: [1, 2]
                secrets: nope
                """);
    }

    @Test
    void valuesReplaceEveryPlaceholderAndLeaveKapsosOwnTemplatesAlone() {
        Diagnostics diagnostics = new Diagnostics();
        Project project = Environment.read(root, root, "staging", diagnostics)
                .orElseThrow()
                .apply(new ProjectLoader(root, root).load().project(), diagnostics);

        assertThat(diagnostics.sorted()).isEmpty();
        var compiled = WorkflowCompiler.compile(project.workflows().get(0));
        assertThat(compiled.triggers().get(0).path("phone_number_id").asText()).isEqualTo("1145171692000001");
        assertThat(compiled.definitionJson()).contains("Hi from Acme test! Ask {{vars.topic}} or ${ENV:SECRET}.");
        assertThat(project.workflows().get(0).sourceMap().file())
                .hasValueSatisfying(f -> assertThat(f).endsWith("support.yaml"));
    }

    @Test
    void aNameTheEnvironmentLacksIsReportedWithTheFileToFix() throws IOException {
        Files.writeString(root.resolve("environments/staging.yaml"), "values:\n  numbr: \"1\"\n  brand: x\n");
        Diagnostics diagnostics = new Diagnostics();
        Environment.read(root, root, "staging", diagnostics)
                .orElseThrow()
                .apply(new ProjectLoader(root, root).load().project(), diagnostics);

        assertThat(diagnostics.sorted())
                .extracting(Diagnostic::message)
                .containsExactly("workflow 'support' uses ${kapso:number}, which environment 'staging' does not"
                        + " define; add it under 'values' in environments/staging.yaml (did you mean 'numbr'?)");
        assertThat(diagnostics.sorted().get(0).format()).startsWith("workflows/support.yaml");
    }

    @Test
    void withoutAnEnvironmentEveryPlaceholderIsAnError() {
        Diagnostics diagnostics = new Diagnostics();
        Environment.NONE.apply(new ProjectLoader(root, root).load().project(), diagnostics);

        assertThat(diagnostics.sorted())
                .hasSize(2)
                .allMatch(d -> d.code().equals("unknown_environment_value"))
                .allMatch(d -> d.message().contains("choose an environment with -Dkapso.environment=<name>"));
    }

    @Test
    void aMissingOrMalformedEnvironmentFileIsReported() {
        Diagnostics diagnostics = new Diagnostics();
        assertThat(Environment.read(root, root, "prod", diagnostics)).isEmpty();
        Environment.read(root, root, "broken", diagnostics);

        assertThat(diagnostics.sorted())
                .extracting(Diagnostic::code)
                .containsExactlyInAnyOrder("unknown_environment", "wrong_type", "unknown_key");
    }
}
