package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Each component's properties, as the rules define them, are in the schema (an {@code if}/{@code then}
     * per component type), so an editor completes them. Rewritten with {@code -Dgolden.update=true}.
     */
    @Test
    void itHasEveryComponentsPropertiesAsTheRulesDefineThem() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode schema = (ObjectNode) mapper.readTree(SCHEMA.toFile());
        ArrayNode expected = componentRules(mapper);
        if (Boolean.getBoolean("golden.update")) {
            ((ObjectNode) schema.at("/$defs/component")).set("allOf", expected);
            ((ObjectNode) schema.get("$defs"))
                    .putObject("dynamic")
                    .put("type", "string")
                    .put("pattern", "^\\s*(\\$\\{|`)")
                    .put("description", "A ${data.x} / ${form.x} reference or a backtick expression (6.0+).");
            Files.writeString(SCHEMA, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n");
        }
        assertThat(schema.at("/$defs/component/allOf"))
                .as("regenerate with -Dgolden.update=true")
                .isEqualTo(expected);
    }

    @Test
    void everyComponentFixtureAndExampleConformsAndAMistypedPropertyDoesNot() throws IOException {
        List<Path> flows = new ArrayList<>();
        for (String folder : List.of("components", "valid")) {
            try (var files = Files.list(Path.of("src", "test", "resources", "flows", folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(flows::add);
            }
        }
        for (Path flow : flows) {
            assertThat(schema().validate(Json.tryParse(Files.readString(flow)).orElseThrow()))
                    .as(flow.toString())
                    .isEmpty();
        }
        JsonNode mistyped = new YAMLMapper().readTree("""
                version: "7.3"
                screens:
                  - id: RATE
                    terminal: true
                    layout:
                      type: SingleColumnLayout
                      children:
                        - {type: TextInput, name: email, label: Email, input-type: mail}
                        - {type: Footer, label: Send, on-click-action: {name: complete, payload: {}}}
                """);
        assertThat(schema().validate(mistyped)).isNotEmpty();
    }

    private static ArrayNode componentRules(ObjectMapper mapper) {
        ArrayNode rules = mapper.createArrayNode();
        FlowComponents.PROPERTIES.forEach((type, properties) -> {
            ObjectNode rule = rules.addObject();
            ObjectNode condition = rule.putObject("if");
            condition.putArray("required").add("type");
            condition.putObject("properties").putObject("type").put("const", type);
            ObjectNode then = rule.putObject("then");
            ArrayNode required = then.putArray("required");
            ObjectNode props = then.putObject("properties");
            properties.values().forEach(p -> {
                if (p.required()) {
                    required.add(p.name());
                }
                ObjectNode value = props.putObject(p.name());
                kind(value, p);
                if (p.since() != null) {
                    value.put("description", "Since Flow JSON " + p.since() + ".");
                }
            });
        });
        return rules;
    }

    private static void kind(ObjectNode value, FlowComponents.Property property) {
        ObjectNode dynamic = value.objectNode().put("$ref", "#/$defs/dynamic");
        switch (property.kind()) {
            case ACTION:
                value.put("$ref", "#/$defs/action");
                return;
            case COMPONENTS:
                value.put("type", "array").putObject("items").put("$ref", "#/$defs/component");
                return;
            case CONDITION:
                value.putArray("type").add("boolean").add("string");
                return;
            case ANY:
                return;
            default:
                break;
        }
        ArrayNode anyOf = value.putArray("anyOf");
        ObjectNode literal = anyOf.addObject();
        if (!property.values().isEmpty()) {
            property.values().forEach(literal.putArray("enum")::add);
        } else if (property.kind() == FlowComponents.Kind.TEXT) {
            literal.put("type", "string");
            anyOf.addObject().put("type", "array").putObject("items").put("type", "string");
        } else {
            literal.put("type", property.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        anyOf.add(dynamic);
    }
}
