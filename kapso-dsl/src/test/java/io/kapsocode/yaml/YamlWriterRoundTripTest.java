package io.kapsocode.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Node;
import io.kapsocode.model.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared case, the Kapso CLI tree and the rule fixtures' valid workflows, written as YAML and
 * read back, is the same workflow: same definition, metadata and triggers, same suppressions and
 * pass-through config.
 */
class YamlWriterRoundTripTest {

    static Stream<Workflow> workflows() throws IOException {
        List<Workflow> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/cases"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Diagnostics diagnostics = new Diagnostics();
                WorkflowYamlReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), diagnostics)
                        .ifPresent(all::add);
            }
        }
        all.addAll(new ProjectLoader(Path.of("src/test/resources/cli-tree"), Path.of("."))
                .load()
                .project()
                .workflows());
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ok.yaml"))
                    .sorted()
                    .toList()) {
                Diagnostics diagnostics = new Diagnostics();
                WorkflowYamlReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), diagnostics)
                        .ifPresent(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void writtenAndReadBackItIsTheSameWorkflow(Workflow original) {
        String yaml = WorkflowYamlWriter.write(original);

        Diagnostics diagnostics = new Diagnostics();
        Workflow read =
                WorkflowYamlReader.read("pulled.yaml", yaml, diagnostics).orElseThrow();

        assertThat(diagnostics.sorted()).as(yaml).noneMatch(d -> d.isError());
        CompiledWorkflow before = WorkflowCompiler.compile(original);
        CompiledWorkflow after = WorkflowCompiler.compile(read);
        assertThat(after.definitionJson()).as(yaml).isEqualTo(before.definitionJson());
        assertThat(after.metadata()).isEqualTo(before.metadata());
        assertThat(after.triggers()).isEqualTo(before.triggers());
        assertThat(read.nodes())
                .extracting(Node::suppressions)
                .isEqualTo(original.nodes().stream().map(Node::suppressions).toList());
        assertThat(WorkflowYamlWriter.write(read)).isEqualTo(yaml);
    }
}
