package io.kapsocode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.compile.DefinitionNormalizer;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.json.Json;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.validate.ProjectValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree as {@code kapso pull} writes it survives reading and writing back, in meaning. */
class CliRoundTripTest {

    private static final Path TREE = Path.of("src", "test", "resources", "cli-tree");
    private static final Path DEFINITION = TREE.resolve("workflows/pulled-support/definition.json");

    @Test
    void writingAPulledTreeBackKeepsTheDefinitionsMeaning() throws IOException {
        LoadedProject loaded = new ProjectLoader(TREE, TREE).load();
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(ProjectValidator.validate(loaded.project())).isEmpty();

        Map<String, String> written = CliLayoutWriter.files(loaded.project());
        JsonNode original = Json.tryParse(Files.readString(DEFINITION, StandardCharsets.UTF_8))
                .orElseThrow();
        JsonNode rewritten = Json.tryParse(written.get("workflows/pulled-support/definition.json"))
                .orElseThrow();

        assertThat(DefinitionNormalizer.normalize(rewritten)).isEqualTo(DefinitionNormalizer.normalize(original));
    }

    @Test
    void normalisationStillSeesARealChange() throws IOException {
        String text = Files.readString(DEFINITION, StandardCharsets.UTF_8);
        JsonNode original = Json.tryParse(text).orElseThrow();
        JsonNode edited = Json.tryParse(text.replace("How can we help?", "How can I help?"))
                .orElseThrow();
        JsonNode relabelled = Json.tryParse(text.replace("\"label\": \"human\"", "\"label\": \"person\""))
                .orElseThrow();

        assertThat(DefinitionNormalizer.normalize(edited)).isNotEqualTo(DefinitionNormalizer.normalize(original));
        assertThat(DefinitionNormalizer.normalize(relabelled)).isNotEqualTo(DefinitionNormalizer.normalize(original));
    }

    @Test
    void keepsWhatNormalisationMustNotHide() {
        Workflow workflow = new ProjectLoader(TREE, TREE)
                .load()
                .project()
                .workflow("pulled-support")
                .orElseThrow();
        JsonNode definition = WorkflowCompiler.definition(workflow);

        JsonNode crm = node(definition, "crm").path("data");
        assertThat(crm.path("display_name").asText()).isEqualTo("Webhook");
        assertThat(crm.path("config").path("headers").path("Authorization").asText())
                .isEqualTo("Bearer ${ENV:CRM_TOKEN}");
        assertThat(crm.path("config").path("body_template").has("note"))
                .as("a null inside a webhook body is data")
                .isTrue();
        assertThat(node(definition, "route")
                        .path("data")
                        .path("config")
                        .path("conditions")
                        .get(0)
                        .has("id"))
                .as("condition ids are remote-generated")
                .isFalse();
        assertThat(node(definition, "welcome").path("data").path("config").has("phone_number_id"))
                .as("unset values are omitted")
                .isFalse();
    }

    @Test
    void theWrittenTreeReadsBackToTheSameProject(@TempDir Path copy) throws IOException {
        Project first = new ProjectLoader(TREE, TREE).load().project();
        for (Map.Entry<String, String> file : CliLayoutWriter.files(first).entrySet()) {
            Path target = copy.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        LoadedProject second = new ProjectLoader(copy, copy).load();
        assertThat(second.diagnostics()).extracting(Diagnostic::format).isEmpty();

        Workflow before = first.workflows().get(0);
        Workflow after = second.project().workflows().get(0);
        assertThat(WorkflowCompiler.compile(after).definitionJson())
                .isEqualTo(WorkflowCompiler.compile(before).definitionJson());
        assertThat(WorkflowCompiler.compile(after).triggers())
                .isEqualTo(WorkflowCompiler.compile(before).triggers());
        assertThat(WorkflowCompiler.compile(after).metadata())
                .isEqualTo(WorkflowCompiler.compile(before).metadata());
        assertThat(second.project().functions()).hasSize(1);
        assertThat(second.project().functions().get(0).code())
                .isEqualTo(first.functions().get(0).code());
    }

    private static JsonNode node(JsonNode definition, String id) {
        for (JsonNode node : definition.path("nodes")) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id);
    }
}
