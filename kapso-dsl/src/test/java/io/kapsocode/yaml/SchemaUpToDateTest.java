package io.kapsocode.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kapsocode.cases.CaseFiles;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed JSON Schemas equal what the model generates. After a model change, run with
 * {@code -Dgolden.update=true} to rewrite them.
 */
class SchemaUpToDateTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Path FOLDER = Path.of("src", "main", "resources", SchemaGenerator.FOLDER);

    @Test
    void committedSchemasMatchTheModel() throws IOException {
        for (Map.Entry<String, String> schema : SchemaGenerator.schemas().entrySet()) {
            Path file = FOLDER.resolve(schema.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(FOLDER);
                Files.writeString(file, schema.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(file).as("regenerate with -Dgolden.update=true").exists();
            assertThat(CaseFiles.read(file)).as(schema.getKey()).isEqualTo(schema.getValue());
        }
    }

    @Test
    void everySharedCaseConformsToTheWorkflowSchema() throws IOException {
        JsonSchema schema = workflowSchema();
        try (var files = Files.list(CaseFiles.CASES)) {
            for (Path file : files.toList()) {
                JsonNode yaml = YAML.readTree(CaseFiles.read(file));
                assertThat(schema.validate(yaml)).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void theSchemaFlagsAMisspeltKeyAndAMissingType() throws IOException {
        JsonNode yaml = YAML.readTree("""
                slug: hello
                name: Hello
                nodes:
                  start: {next: greet}
                  greet: {type: send_text, mesage: Hi}
                  other: {type: send_txt}
                """);
        assertThat(workflowSchema().validate(yaml))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("mesage"))
                .anySatisfy(m -> assertThat(m).contains("nodes.other.type").contains("enumeration"));
    }

    private static JsonSchema workflowSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaGenerator.schemas().get("kapso-workflow.schema.json"));
    }

    @Test
    void theWorkflowSchemaKnowsEveryNodeTypeAndItsKeys() {
        JsonNode schema = Json.tryParse(SchemaGenerator.schemas().get("kapso-workflow.schema.json"))
                .orElseThrow();
        JsonNode sendText = schema.path("$defs").path("send_text");
        assertThat(sendText.path("required").toString()).contains("message");
        assertThat(sendText.path("properties").has("delay_seconds")).isTrue();
        assertThat(sendText.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("$defs").path("decide").path("properties").has("branches"))
                .isTrue();
        assertThat(schema.path("$defs").path("node").path("allOf")).hasSize(14);
    }
}
