package io.kapsocode.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.cases.CaseFiles;
import io.kapsocode.cases.SharedCases;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.model.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shared case, written once in Java and once in YAML, must compile to the same bytes, and those
 * bytes must equal the golden file. Run with {@code -Dgolden.update=true} to rewrite the golden files
 * after an intended change, then review the diff.
 */
class GoldenDefinitionTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> cases() {
        return SharedCases.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaAndYamlCompileToTheGoldenBytes(String slug, Supplier<Workflow> java) throws IOException {
        String fromJava = golden(WorkflowCompiler.compile(java.get()));
        String fromYaml = golden(WorkflowCompiler.compile(CaseFiles.yamlCase(slug)));

        assertThat(fromJava).as("Java and YAML of %s", slug).isEqualTo(fromYaml);

        Path goldenFile = CaseFiles.GOLDEN.resolve(slug + ".json");
        if (UPDATE) {
            Files.createDirectories(goldenFile.getParent());
            Files.writeString(goldenFile, fromJava, StandardCharsets.UTF_8);
        }
        assertThat(goldenFile)
                .as("golden file (regenerate with -Dgolden.update=true)")
                .exists();
        assertThat(fromJava).isEqualTo(CaseFiles.read(goldenFile));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compilingTwiceGivesTheSameBytes(String slug, Supplier<Workflow> java) {
        assertThat(golden(WorkflowCompiler.compile(java.get())))
                .isEqualTo(golden(WorkflowCompiler.compile(java.get())));
    }

    @Test
    void everyYamlCaseHasAJavaTwin() throws IOException {
        try (Stream<Path> files = Files.list(CaseFiles.CASES)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(SharedCases.all().keySet());
        }
    }

    private static String golden(CompiledWorkflow compiled) {
        ObjectNode all = Json.object();
        all.set("definition", compiled.definition());
        all.set("metadata", compiled.metadata());
        all.set("triggers", compiled.triggers());
        return CanonicalJson.write(all);
    }
}
