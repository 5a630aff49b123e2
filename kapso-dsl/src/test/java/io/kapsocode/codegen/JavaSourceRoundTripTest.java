package io.kapsocode.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.DefinitionNormalizer;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.dsl.KapsoDefinitions;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Workflow;
import io.kapsocode.yaml.WorkflowYamlReader;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shared case, the Kapso CLI tree and the rule fixtures' valid workflows, written as a Java class
 * of the DSL, compiled with javac and run, build the same workflows: same definition (once normalised),
 * metadata and triggers.
 */
class JavaSourceRoundTripTest {

    @TempDir
    Path work;

    static List<Workflow> workflows() throws IOException {
        List<Workflow> all = new ArrayList<>();
        for (String folder : List.of("src/test/resources/cases", "src/test/resources/rules")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .filter(f -> folder.endsWith("cases") || f.toString().endsWith(".ok.yaml"))
                        .sorted()
                        .toList()) {
                    WorkflowYamlReader.read(
                                    file.toString(), Files.readString(file, StandardCharsets.UTF_8), new Diagnostics())
                            .ifPresent(all::add);
                }
            }
        }
        all.addAll(new ProjectLoader(Path.of("src/test/resources/cli-tree"), Path.of("."))
                .load()
                .project()
                .workflows());
        return all;
    }

    @Test
    void theGeneratedClassCompilesAndBuildsTheSameWorkflows() throws Exception {
        List<Workflow> originals = new ArrayList<>();
        for (Workflow workflow : workflows()) {
            if (originals.stream().noneMatch(w -> w.slug().equals(workflow.slug()))) {
                originals.add(workflow);
            }
        }
        String source = JavaSourceWriter.write("com.example.kapso", "PulledWorkflows", originals);
        Path file = work.resolve("com/example/kapso/PulledWorkflows.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(
                null, null, null, "-d", work.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as(source).isZero();

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            KapsoDefinitions definitions = (KapsoDefinitions) loader.loadClass("com.example.kapso.PulledWorkflows")
                    .getDeclaredConstructor()
                    .newInstance();
            List<Workflow> built = definitions.workflows();
            assertThat(built).hasSameSizeAs(originals);
            for (int i = 0; i < built.size(); i++) {
                CompiledWorkflow before = WorkflowCompiler.compile(originals.get(i));
                CompiledWorkflow after = WorkflowCompiler.compile(built.get(i));
                assertThat(comparable(after.definition()))
                        .as(originals.get(i).slug())
                        .isEqualTo(comparable(before.definition()));
                assertThat(after.metadata()).as(originals.get(i).slug()).isEqualTo(before.metadata());
                assertThat(after.triggers()).as(originals.get(i).slug()).isEqualTo(before.triggers());
                // how a flow opens is typed in the model (validation reads it), not left in rawConfig
                for (io.kapsocode.model.Node node : originals.get(i).nodes()) {
                    if (node.config() instanceof io.kapsocode.model.node.SendInteractiveConfig sent
                            && sent.flowAction() != null) {
                        var rebuilt = (io.kapsocode.model.node.SendInteractiveConfig)
                                built.get(i).node(node.id()).orElseThrow().config();
                        assertThat(rebuilt.flowAction()).as(node.id()).isEqualTo(sent.flowAction());
                        assertThat(rebuilt.flowActionPayload()).as(node.id()).isEqualTo(sent.flowActionPayload());
                    }
                }
            }
        }
    }

    /** The start node's label is not carried (the DSL has no setter for it); the rest is compared. */
    private static ObjectNode comparable(ObjectNode definition) {
        definition.path("nodes").forEach(node -> {
            if ("start".equals(node.path("data").path("node_type").asText())) {
                ((ObjectNode) node.path("data")).remove("display_name");
            }
        });
        return DefinitionNormalizer.normalize(definition);
    }
}
