package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema that gives editors completion for Flow JSON written in YAML or JSON names the
 * components, versions and actions the rules know, and accepts the flows the project writes.
 */
class FlowJsonSchemaTest {

    static final Path SCHEMA = Path.of("src", "main", "resources", "schema", "kapso-flow-json.schema.json");

    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
    }

    @Test
    void itNamesWhatTheRulesKnow() throws IOException {
        JsonNode schema = Json.tryParse(Files.readString(SCHEMA)).orElseThrow();
        List<String> components = new ArrayList<>();
        schema.at("/$defs/component/properties/type/anyOf/0/enum").forEach(c -> components.add(c.asText()));
        List<String> versions = new ArrayList<>();
        schema.at("/properties/version/enum").forEach(v -> versions.add(v.asText()));
        List<String> actions = new ArrayList<>();
        schema.at("/$defs/action/properties/name/enum").forEach(a -> actions.add(a.asText()));

        assertThat(components).containsExactlyInAnyOrderElementsOf(FlowJsonRules.COMPONENT_SINCE.keySet());
        assertThat(versions).containsExactlyElementsOf(FlowJsonRules.VERSIONS);
        assertThat(actions).containsExactlyInAnyOrderElementsOf(FlowJsonRules.ACTION_SINCE.keySet());
    }

    @Test
    void theSamplesFlowConformsAndAFlowWithoutScreensDoesNot() throws IOException {
        JsonNode sample = Json.tryParse(Files.readString(
                        Path.of("..", "samples", "src", "main", "kapso", "flows", "signup", "flow.json")))
                .orElseThrow();
        assertThat(schema().validate(sample)).isEmpty();

        JsonNode yaml = new YAMLMapper().readTree("""
                version: "7.3"
                screens:
                  - id: RATE
                    layout:
                      type: SingleColumnLayout
                      children:
                        - {type: Footer, label: Send, on-click-action: {name: complete, payload: {}}}
                """);
        assertThat(schema().validate(yaml)).isEmpty();
        assertThat(schema().validate(new YAMLMapper().readTree("version: \"7.3\"\n")))
                .isNotEmpty();
    }
}
