package io.kapsocode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.contract.Exchanges;
import io.kapsocode.contract.ExecutionsContractTest;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.Workflow;
import io.kapsocode.simulator.ExecutionsApi;
import io.kapsocode.simulator.LiveRuntime;
import io.kapsocode.simulator.ScenarioSuite;
import io.kapsocode.simulator.ScenarioSuite.Result;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML scenarios replayed on a live project (the emulator, through the client and the executions
 * API): what passes offline passes there, a failure shows Kapso's transcript, what cannot be played
 * there is skipped with the reason, and what Kapso does not show is reported as not checked.
 */
class LiveScenariosTest {

    static final String KEY = "kp_live_scenarios_key_7";

    @RegisterExtension
    static KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    static final Workflow BOOKING = Kapso.workflow("booking")
            .name("Booking")
            .status(io.kapsocode.model.WorkflowStatus.ACTIVE)
            .onApiCall()
            .start()
            .sendText("ask", "Hi {{vars.name}}, which day?")
            .waitForResponse("day", w -> w.saveResponseTo("day"))
            .setVariable("book", "booked", true, ValueType.BOOLEAN)
            .sendText("done", "Booked for {{vars.day}}.")
            .build();

    static final Project PROJECT = new Project(List.of(BOOKING), List.of(), List.of());

    static final String PASSES = """
            name: a day is booked
            start:
              api:
                phone_number: "+5491100000000"
                variables: {name: Ana}
            steps:
              - expect_text: Hi Ana, which day?
              - expect_waiting_at: day
              - user: Monday
              - expect_text: Booked for Monday.
              - expect_variable: {day: Monday, booked: true}
              - expect: ended
            """;

    @TempDir
    Path scenarios;

    @Test
    void scenariosStartedByTheApiReplayOnTheProjectAndTheOthersAreSkipped(KapsoEmulator emulator) throws IOException {
        KapsoClient client = client(emulator);
        String id = ExecutionsContractTest.create(client, BOOKING, true);
        write("booking/passes.yaml", PASSES);
        write("booking/fails.yaml", """
                name: the wrong day is expected
                start: {api: {phone_number: "+5491100000000", variables: {name: Ana}}}
                steps:
                  - user: Monday
                  - expect_text: Hi Ana, which day?
                  - expect_text: Booked for Tuesday.
                """);
        write("booking/by-message.yaml", """
                start: {user: hi}
                steps: [{expect: waiting}]
                """);
        write("booking/with-clock.yaml", """
                start: {api: {phone_number: "+5491100000000"}}
                steps: [{after: 1h}, {expect: waiting}]
                """);
        write("booking/no-phone.yaml", """
                start: {api: {variables: {name: Bo}}}
                steps: [{expect: waiting}]
                """);

        ScenarioSuite suite = live(new ClientExecutions(client), Map.of("booking", id), null);

        assertThat(result(suite, "passes"))
                .satisfies(r -> assertThat(r.passed()).as(r.failure()).isTrue());
        assertThat(result(suite, "fails").failure())
                .contains("(booking/fails.yaml:6:5) expected the workflow to send \"Booked for Tuesday.\"")
                .contains("but node 'done' sent \"Booked for Monday.\"")
                .contains("  bot [booking/ask] Hi Ana, which day?")
                .contains("  user: Monday");
        assertThat(result(suite, "by-message").skipped()).contains("starts with 'user'");
        assertThat(result(suite, "with-clock").skipped()).contains("moves the clock");
        assertThat(result(suite, "no-phone").failure()).contains("needs the participant's phone number");
        assertThat(suite.junitReports("kapso-live"))
                .containsKey("TEST-kapso-live.booking.xml")
                .hasEntrySatisfying(
                        "TEST-kapso-live.booking.xml",
                        xml -> assertThat(xml)
                                .contains("tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"2\"")
                                .contains("<skipped message=\"it moves the clock"));
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void textsKapsoDoesNotShowAreNotCheckedAndSaidSo(KapsoEmulator emulator) throws IOException {
        KapsoClient client = client(emulator);
        String id = ExecutionsContractTest.create(client, BOOKING, true);
        write("booking/passes.yaml", PASSES);
        ExecutionsApi withoutTexts = new ExecutionsApi() {
            final ClientExecutions api = new ClientExecutions(client);

            @Override
            public JsonNode start(String workflowId, String slug, ObjectNode request) {
                return api.start(workflowId, slug, request);
            }

            @Override
            public Optional<JsonNode> execution(String executionId) {
                return api.execution(executionId).map(detail -> {
                    detail.path("events").forEach(e -> ((ObjectNode) e.path("payload")).remove("text"));
                    return detail;
                });
            }

            @Override
            public JsonNode resume(String executionId, JsonNode data) {
                return api.resume(executionId, data);
            }
        };

        Result result =
                live(withoutTexts, Map.of("booking", id), null).results().get(0);

        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.notes())
                .containsExactly(
                        "not checked: the next message is \"Hi Ana, which day?\"; the runtime does not show what was"
                                + " sent",
                        "not checked: the next message is \"Booked for Monday.\"; the runtime does not show what was"
                                + " sent");
    }

    @Test
    void aWorkflowMissingFromTheProjectFailsItsScenariosSayingApplyFirst(KapsoEmulator emulator) throws IOException {
        write("booking/passes.yaml", PASSES);

        Result result = live(new ClientExecutions(client(emulator)), Map.of(), "+15550001111")
                .results()
                .get(0);

        assertThat(result.failure()).contains("workflow 'booking' is not in the Kapso project; apply it");
    }

    @Test
    void aProjectExportedFromKapsoReplaysOnTheEmulatorHoldingIt(KapsoEmulator emulator) throws IOException {
        // a real export's shapes: a function named by id, "0" and "0.2" as strings, dashboard nulls
        Path exported = Path.of("src", "it", "export-and-adopt", "exported");
        io.kapsocode.testkit.EmulatorSeed.load(emulator.state(), exported);
        emulator.state()
                .conversations(new io.kapsocode.simulator.Scenario()
                        .function("notify", io.kapsocode.simulator.FunctionAnswer.body(Json.object()))
                        .agent(
                                "helper",
                                List.of(
                                        io.kapsocode.simulator.AgentTurn.reply("¿En qué te ayudo?"),
                                        io.kapsocode.simulator.AgentTurn.complete())));
        KapsoClient client = client(emulator);
        write("welcome/greets.yaml", """
                start: {api: {phone_number: "+5491100000000"}}
                steps:
                  - expect_text: "Hola 👋"
                  - expect_text: ¿En qué te ayudo?
                  - expect: ended
                """);
        Project project =
                new io.kapsocode.load.ProjectLoader(exported, exported).load().project();

        Diagnostics diagnostics = new Diagnostics();
        ScenarioSuite suite = ScenarioSuite.run(
                project,
                scenarios,
                scenarios,
                diagnostics,
                new LiveRuntime(
                        new ClientExecutions(client),
                        Map.of("welcome", io.kapsocode.apply.PlanApplyTest.workflowId(client, "welcome")),
                        null,
                        Duration.ofSeconds(5)));

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(suite.results())
                .singleElement()
                .satisfies(r -> assertThat(r.passed()).as(r.failure()).isTrue());
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    // ---- helpers

    private ScenarioSuite live(ExecutionsApi api, Map<String, String> ids, String phone) {
        Diagnostics diagnostics = new Diagnostics();
        ScenarioSuite suite = ScenarioSuite.run(
                PROJECT, scenarios, scenarios, diagnostics, new LiveRuntime(api, ids, phone, Duration.ofSeconds(5)));
        assertThat(diagnostics.sorted()).isEmpty();
        return suite;
    }

    private static Result result(ScenarioSuite suite, String file) {
        return suite.results().stream()
                .filter(r -> r.file().endsWith("/" + file + ".yaml"))
                .findFirst()
                .orElseThrow();
    }

    private void write(String file, String text) throws IOException {
        Path path = scenarios.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static KapsoClient client(KapsoEmulator emulator) {
        return new KapsoClient(
                io.kapsocode.client.ClientSettings.of(emulator.baseUri(), io.kapsocode.client.ApiKey.of(KEY)));
    }
}
