package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flow JSON's mistakes are reported all at once, each at its line and column in the Flow JSON file,
 * before Meta would refuse the version at apply time; what this tool does not know is kept and warned.
 */
class FlowJsonRulesTest {

    @TempDir
    Path sources;

    static final String FIVE_MISTAKES = """
            {
              "version": "6.0",
              "screens": [
                {
                  "id": "START",
                  "layout": {
                    "type": "SingleColumnLayout",
                    "children": [
                      {"type": "TextBody", "text": "Hello ${data.customer}"},
                      {"type": "ChipsSelector", "name": "topics", "label": "Topics", "data-source": []},
                      {"type": "Footer", "label": "Next", "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "CONFIRMM"}, "payload": {}}}
                    ]
                  }
                },
                {
                  "id": "CONFIRM",
                  "terminal": true,
                  "layout": {"type": "SingleColumnLayout", "children": [{"type": "TextBody", "text": "Thanks"}]}
                }
              ]
            }
            """;

    private List<Diagnostic> load(String flowJson) throws IOException {
        Path folder = Files.createDirectories(sources.resolve("flows").resolve("signup"));
        Files.writeString(folder.resolve("flow.yaml"), "name: signup\nphone_number_id: \"111\"\n");
        Files.writeString(folder.resolve("flow.json"), flowJson);
        LoadedProject loaded = new ProjectLoader(sources, sources).load();
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(ProjectValidator.validate(loaded.project()));
        return all;
    }

    @Test
    void fiveKindsOfMistakeAreReportedAtOnceEachAtItsLine() throws IOException {
        List<String> lines =
                load(FIVE_MISTAKES).stream().map(Diagnostic::format).toList();

        assertThat(lines)
                .containsExactlyInAnyOrder(
                        "flows/signup/flow.json:9:40: error[flow_undeclared_reference] ${data.customer} on screen"
                                + " 'START' reads data 'customer', which screen 'START' does not declare; declare it in"
                                + " its 'data' with a type and an __example__",
                        "flows/signup/flow.json:10:20: error[flow_component_not_in_version] screen 'START' uses"
                                + " ChipsSelector, which Flow JSON has only since 6.3; this flow is version 6.0: raise"
                                + " 'version' to 6.3 or later",
                        "flows/signup/flow.json:11:122: error[flow_navigate_target] screen 'START' navigates to"
                                + " screen 'CONFIRMM', which does not exist (did you mean 'CONFIRM'?)",
                        "flows/signup/flow.json:16:13: error[flow_unreachable_screen] screen 'CONFIRM' cannot be"
                                + " reached from the first screen, 'START'; navigate to it, list it in routing_model, or"
                                + " remove it",
                        "flows/signup/flow.json:18:60: error[flow_terminal_without_footer] terminal screen"
                                + " 'CONFIRM' has no Footer; Meta requires one (with a complete or data_exchange"
                                + " action) on every terminal screen");
    }

    @Test
    void aComponentOfANewerVersionIsKeptAndWarnedNeverDropped() throws IOException {
        String flow = """
                {"version": "7.3", "screens": [{"id": "ONLY", "terminal": true, "layout": {"type": "SingleColumnLayout",
                  "children": [{"type": "HologramPicker", "name": "h"},
                               {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}
                """;

        List<Diagnostic> diagnostics = load(flow);

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.code()).isEqualTo("flow_unknown_component");
        });
        LoadedProject loaded = new ProjectLoader(sources, sources).load();
        assertThat(loaded.project().whatsappFlows().get(0).flowJson().toString())
                .contains("HologramPicker");
    }

    @Test
    void flowJsonWrittenAsYamlIsReadAndLocatedInItsFile() throws IOException {
        Path folder = Files.createDirectories(sources.resolve("flows").resolve("survey"));
        Files.writeString(
                folder.resolve("flow.yaml"), "name: survey\nphone_number_id: \"111\"\nflow_json: screens.yaml\n");
        Files.writeString(folder.resolve("screens.yaml"), """
                # the Flow JSON, in YAML: Meta receives the same JSON
                version: "7.3"
                screens:
                  - id: RATE
                    layout:
                      type: SingleColumnLayout
                      children:
                        - {type: TextHeading, text: "How did we do?"}
                        - type: Footer
                          label: Send
                          on-click-action: {name: navigate, next: {type: screen, name: THANKS}, payload: {}}
                  - id: THANK_YOU
                    terminal: true
                    layout:
                      type: SingleColumnLayout
                      children:
                        - {type: Footer, label: Close, on-click-action: {name: complete, payload: {}}}
                """);
        LoadedProject loaded = new ProjectLoader(sources, sources).load();

        assertThat(loaded.diagnostics()).extracting(Diagnostic::format).isEmpty();
        assertThat(ProjectValidator.validate(loaded.project()))
                .extracting(Diagnostic::format)
                .containsExactly(
                        "flows/survey/screens.yaml:11:72: error[flow_navigate_target] screen 'RATE' navigates to"
                                + " screen 'THANKS', which does not exist",
                        "flows/survey/screens.yaml:12:9: error[flow_unreachable_screen] screen 'THANK_YOU' cannot be"
                                + " reached from the first screen, 'RATE'; navigate to it, list it in routing_model, or"
                                + " remove it");
        assertThat(loaded.project()
                        .whatsappFlows()
                        .get(0)
                        .flowJson()
                        .path("version")
                        .asText())
                .isEqualTo("7.3");
    }

    @Test
    void flowsShapedAfterMetasAndKapsosPublishedExamplesHaveNoDiagnostics() throws IOException {
        List<Path> examples;
        try (var files = Files.list(Path.of("src", "test", "resources", "flows", "valid"))) {
            examples = files.sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Path example : examples) {
            Path folder = Files.createDirectories(sources.resolve("flows").resolve("example"));
            boolean dynamic = Files.readString(example).contains("\"data_api_version\"");
            Files.writeString(
                    folder.resolve("flow.yaml"),
                    "name: example\nphone_number_id: \"111\"\n"
                            + (dynamic ? "data_endpoint_function: example-endpoint\n" : ""));
            Files.copy(example, folder.resolve("flow.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (dynamic) { // the endpoint answers INIT with the first screen, as Kapso's data endpoint guide shows
                Path function =
                        Files.createDirectories(sources.resolve("functions").resolve("example-endpoint"));
                Files.writeString(
                        function.resolve("function.yaml"),
                        "slug: example-endpoint\nname: Example endpoint\nfunction_type: cloudflare_worker\n");
                String first = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(example.toFile())
                        .path("screens")
                        .path(0)
                        .path("id")
                        .asText();
                Files.writeString(
                        function.resolve("index.js"),
                        "async function handler(request) {\n  return Response.json({ version: '3.0', screen: '" + first
                                + "', data: {} });\n}\n");
            }
            LoadedProject loaded = new ProjectLoader(sources, sources).load();
            List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
            all.addAll(ProjectValidator.validate(loaded.project()));
            assertThat(all)
                    .as(example.getFileName().toString())
                    .extracting(Diagnostic::format)
                    .isEmpty();
        }
    }
}
