package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON Schema editors use for scenario files accepts every sample scenario and rejects mistakes. */
class ScenarioSchemaTest {

    static final YAMLMapper YAML = new YAMLMapper();

    static JsonSchema schema() throws IOException {
        return schema("kapso-scenario.schema.json");
    }

    static JsonSchema schema(String name) throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/schema/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    void everySampleScenarioConforms() throws IOException {
        JsonSchema schema = schema();
        JsonSchema flowSchema = schema("kapso-flow-scenario.schema.json");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..", "samples", "src", "test", "kapso"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            boolean walksAFlow = file.toString().replace('\\', '/').contains("/kapso/flows/");
            assertThat((walksAFlow ? flowSchema : schema).validate(YAML.readTree(file.toFile())))
                    .as(file.toString())
                    .isEmpty();
        }
    }

    @Test
    void mistakesAreRejected() throws IOException {
        JsonNode broken = YAML.readTree("""
                start: {user: hi, api: {}}
                stepz: []
                steps:
                  - expect_txt: hi
                  - after: soon
                """);

        assertThat(schema().validate(broken))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("stepz"))
                .anySatisfy(m -> assertThat(m).contains("steps[0]"))
                .anySatisfy(m -> assertThat(m).contains("start"));
        assertThat(schema("kapso-flow-scenario.schema.json").validate(YAML.readTree("steps: [{tapp: Next}]\n")))
                .isNotEmpty();
    }
}
