package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.FlowScreens;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every component of every Flow JSON version: one fixture per component under
 * {@code src/test/resources/flows/components}, using each property the component has, validated at each
 * version Meta published. What it must report there comes from {@code since.properties}, written by hand
 * from Meta's reference apart from the validator's table: nothing below a component's or property's
 * version, and exactly the version errors above it.
 */
class FlowComponentFixturesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "flows", "components");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path sources;

    static Properties since() throws IOException {
        Properties since = new Properties();
        try (Reader reader = Files.newBufferedReader(FIXTURES.resolve("since.properties"))) {
            since.load(reader);
        }
        return since;
    }

    static Stream<Arguments> componentsAndVersions() {
        return FlowJsonRules.COMPONENT_SINCE.keySet().stream()
                .flatMap(type -> FlowJsonRules.VERSIONS.stream().map(version -> Arguments.of(type, version)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("componentsAndVersions")
    void eachComponentIsValidFromItsVersionOnAndRefusedBefore(String type, String version) throws IOException {
        ObjectNode flow =
                (ObjectNode) JSON.readTree(FIXTURES.resolve(type + ".json").toFile());
        flow.put("version", version);
        Properties since = since();

        List<String> expected = new ArrayList<>();
        for (JsonNode component : components(flow)) {
            String componentType = component.path("type").asText();
            if (older(version, since.getProperty(componentType))) {
                expected.add("flow_component_not_in_version " + componentType);
            }
            // dates: written YYYY-MM-DD only since a version; before it, a literal one is warned per property
            String isoSince = since.getProperty(componentType + ".iso-dates");
            if (isoSince != null && older(version, isoSince) && !older(version, since.getProperty(componentType))) {
                for (String key : List.of("min-date", "max-date", "unavailable-dates", "init-value")) {
                    if (component.has(key)) {
                        expected.add("flow_date_format " + componentType);
                    }
                }
            }
            component.fieldNames().forEachRemaining(property -> {
                String propertySince = since.getProperty(componentType + "." + property);
                if (propertySince != null && older(version, propertySince)) {
                    expected.add("flow_property_not_in_version " + componentType + "." + property);
                }
            });
        }
        for (String action : actions(flow)) {
            if (older(version, since.getProperty("action." + action, "2.1"))) {
                expected.add("flow_action_not_in_version " + action);
            }
        }

        List<String> actual = new ArrayList<>();
        for (Diagnostic d : validate(flow)) {
            actual.add(d.code() + " " + subjectOf(flow, d));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theFixturesUseEveryPropertyOfEveryComponentTheValidatorKnows() throws IOException {
        Map<String, Set<String>> used = new HashMap<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode component : components(JSON.readTree(file.toFile()))) {
                    component
                            .fieldNames()
                            .forEachRemaining(p -> used.computeIfAbsent(
                                            component.path("type").asText(), k -> new HashSet<>())
                                    .add(p));
                }
            }
        }
        Properties since = since();
        FlowComponents.PROPERTIES.forEach((type, properties) -> {
            assertThat(since.getProperty(type))
                    .as("since.properties names %s", type)
                    .isNotNull();
            assertThat(FIXTURES.resolve(type + ".json"))
                    .as("a fixture for %s", type)
                    .exists();
            properties.keySet().stream()
                    .filter(p -> !p.equals("visible"))
                    .forEach(p -> assertThat(used.getOrDefault(type, Set.of()))
                            .as("a fixture uses %s.%s", type, p)
                            .contains(p));
        });
        assertThat(FlowComponents.PROPERTIES.keySet())
                .containsExactlyInAnyOrderElementsOf(FlowJsonRules.COMPONENT_SINCE.keySet());
    }

    private List<Diagnostic> validate(JsonNode flow) throws IOException {
        Path folder = Files.createDirectories(sources.resolve("flows").resolve("f"));
        Files.writeString(folder.resolve("flow.yaml"), "name: f\nphone_number_id: \"111\"\n");
        Files.writeString(
                folder.resolve("flow.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(flow));
        LoadedProject loaded = new ProjectLoader(sources, sources).load();
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(ProjectValidator.validate(loaded.project()));
        return all;
    }

    /** The component (and property) or action a diagnostic points at, read back from its element path. */
    private static String subjectOf(JsonNode flow, Diagnostic d) {
        String path = d.path().substring("flow_json.".length());
        String[] parts = path.split("\\.");
        JsonNode at = flow;
        JsonNode component = null;
        String last = null;
        for (String part : parts) {
            at = at.isArray() ? at.path(Integer.parseInt(part)) : at.path(part);
            if (at.has("type") && at.isObject() && !at.has("screens")) {
                component = at;
            }
            last = part;
        }
        if (d.code().equals("flow_action_not_in_version")) {
            return at.asText();
        }
        String type = component == null ? "?" : component.path("type").asText();
        return d.code().equals("flow_property_not_in_version") ? type + "." + last : type;
    }

    private static List<JsonNode> components(JsonNode flow) {
        List<JsonNode> all = new ArrayList<>();
        flow.path("screens").forEach(screen -> FlowScreens.components(screen, "", (c, at) -> all.add(c)));
        return all;
    }

    private static List<String> actions(JsonNode flow) {
        List<String> names = new ArrayList<>();
        collectActions(flow, names);
        return names;
    }

    private static void collectActions(JsonNode json, List<String> names) {
        json.properties().forEach(e -> {
            if (e.getKey().endsWith("-action") && e.getValue().has("name")) {
                names.add(e.getValue().path("name").asText());
            }
            collectActions(e.getValue(), names);
        });
        if (json.isArray()) {
            json.forEach(item -> collectActions(item, names));
        }
    }

    private static boolean older(String version, String than) {
        String[] a = version.split("\\.");
        String[] b = than.split("\\.");
        int major = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
        return major != 0 ? major < 0 : Integer.parseInt(a[1]) < Integer.parseInt(b[1]);
    }
}
