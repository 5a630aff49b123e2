package io.kapsocode.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.compile.DefinitionNormalizer;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.json.Json;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.model.node.SetVariableConfig;
import io.kapsocode.validate.ProjectValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kapso CLI tree in the shapes real exports have (written by us): API key order, edge and condition
 * ids, functions named by id only, by slug only, by both and by display name only, numbers as strings,
 * {@code "t"} and {@code "true"} booleans, dashboard {@code null}s and empty objects, one-space
 * indentation, a compact object, no trailing newline, emoji and combining marks.
 */
class RealWorldShapesTest {

    private static final Path TREE = Path.of("src", "test", "resources", "real-world");

    @Test
    void readsWithoutErrorsOrNoiseAndOnlyTheIdsWarn() {
        LoadedProject loaded = new ProjectLoader(TREE, TREE).load();
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(ProjectValidator.validate(loaded.project()));

        assertThat(diagnostics)
                .extracting(Diagnostic::format)
                .containsExactly("workflows/estimate/definition.json:97:6: warning[remote_id_reference] function"
                        + " node 'compute' names it by function_id '5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84', which ties"
                        + " the sources to one Kapso project; name it by 'function_slug' instead (kapso:migrate"
                        + " rewrites ids to names)");
    }

    @Test
    void kapsoSpellingsAreReadAsTheValuesTheyMean() {
        Workflow workflow = estimate();

        assertThat(config(workflow, "advisor", AgentConfig.class).temperature()).isEqualTo(0.2);
        assertThat(config(workflow, "advisor", AgentConfig.class).maxTokens()).isEqualTo(8192);
        assertThat(config(workflow, "route", DecideConfig.class).llmTemperature())
                .isEqualTo(0.0);
        assertThat(config(workflow, "flag", SetVariableConfig.class).variableValue())
                .isEqualTo(Json.valueOf(true));
        assertThat(config(workflow, "flag2", SetVariableConfig.class).variableValue())
                .isEqualTo(Json.valueOf(true));
        assertThat(config(workflow, "compute", FunctionConfig.class).functionId())
                .isEqualTo("5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84");
        assertThat(config(workflow, "compute", FunctionConfig.class).functionName())
                .as("beside an id, the name is Kapso's companion")
                .isNull();
        assertThat(config(workflow, "recompute", FunctionConfig.class).functionName())
                .isEqualTo("Compute Estimate");
        assertThat(workflow.name()).isEqualTo("Estimate ✨");
    }

    @Test
    void theCompiledDefinitionMeansWhatTheFileSays() throws IOException {
        JsonNode file = Json.tryParse(
                        Files.readString(TREE.resolve("workflows/estimate/definition.json"), StandardCharsets.UTF_8))
                .orElseThrow();

        assertThat(DefinitionNormalizer.normalize(WorkflowCompiler.definition(estimate())))
                .isEqualTo(DefinitionNormalizer.normalize(file));
    }

    @Test
    void aStringThatIsNoNumberStillWarnsWithTheFix(@TempDir Path copy) throws IOException {
        Files.createDirectories(copy.resolve("workflows/estimate"));
        Files.copy(TREE.resolve("workflows/estimate/workflow.yaml"), copy.resolve("workflows/estimate/workflow.yaml"));
        String definition =
                Files.readString(TREE.resolve("workflows/estimate/definition.json"), StandardCharsets.UTF_8);
        Files.writeString(
                copy.resolve("workflows/estimate/definition.json"),
                definition.replace("\"temperature\": \"0.2\"", "\"temperature\": \"warm\""),
                StandardCharsets.UTF_8);

        assertThat(new ProjectLoader(copy, copy).load().diagnostics())
                .extracting(Diagnostic::format)
                .anyMatch(line -> line.contains("warning[unexpected_value] 'temperature' of agent node 'advisor'"
                        + " must be a number, not the string \"warm\""));
    }

    private static Workflow estimate() {
        return new ProjectLoader(TREE, TREE)
                .load()
                .project()
                .workflow("estimate")
                .orElseThrow();
    }

    private static <C> C config(Workflow workflow, String node, Class<C> type) {
        return type.cast(workflow.node(node).orElseThrow().config());
    }
}
