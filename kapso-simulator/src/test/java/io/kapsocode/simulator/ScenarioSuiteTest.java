package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Project;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** YAML scenarios: read with every mistake located, run, reported as JUnit XML and as coverage. */
class ScenarioSuiteTest {

    static final Project PROJECT = ConversationTest.project(ConversationTest.ORDER_STATUS);

    @TempDir
    Path tests;

    @Test
    void scenariosRunAndTheirCoverageNamesWhatNoneReached() throws IOException {
        write("order-status/found.yaml", """
                name: a known order is on its way
                start: {user: hi}
                functions:
                  lookup-order:
                    - {next_edge: found, vars: {order: {status: shipped}}}
                steps:
                  - expect_text: {contains: What is your order number}
                  - user: A-17
                  - expect_text: {contains: on its way}
                  - expect_variable: {order_number: A-17}
                  - expect: ended
                """);

        ScenarioSuite suite = ScenarioSuite.run(PROJECT, tests, tests, new Diagnostics());

        assertThat(suite.results()).singleElement().satisfies(r -> {
            assertThat(r.passed()).as(r.failure()).isTrue();
            assertThat(r.name()).isEqualTo("a known order is on its way");
        });
        Coverage.WorkflowCoverage coverage = suite.coverage().workflows().get(0);
        assertThat(coverage.unreached()).containsExactly("lookup -> missing", "sorry");
        assertThat(coverage.reachedNodes()).isEqualTo(coverage.nodes() - 1);
        assertThat(suite.coverage().markdown())
                .contains("| `order-status` | 5/6 | 1/2 | 75% | `lookup -> missing`, `sorry` |");
    }

    @Test
    void aFailingExpectationNamesItsLineAndShowsTheConversation() throws IOException {
        write("order-status/missing.yaml", """
                start: {user: hi}
                functions:
                  lookup-order: {next_edge: missing}
                steps:
                  - user: Z-9
                  - expect_text: {contains: What is your order}
                  - expect_text: Order Z-9 is shipped
                """);

        ScenarioSuite suite = ScenarioSuite.run(PROJECT, tests, tests, new Diagnostics());

        assertThat(suite.failures()).isEqualTo(1);
        assertThat(suite.results().get(0).failure())
                .startsWith("(order-status/missing.yaml:7:5) expected the workflow to send \"Order Z-9 is shipped\","
                        + " but node 'sorry' sent \"No order Z-9.\"")
                .contains("The conversation so far")
                .contains("decide [order-status/lookup] -> missing");
        Document xml = parse(suite.junitReports().get("TEST-kapso.order-status.xml"));
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("1");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).contains("No order Z-9.");
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsLocationAndTheFix() throws IOException {
        write("order-status/typos.yaml", """
                start: {user: hi}
                ai:
                  lookp: found
                stepz: []
                steps:
                  - expect_txt: hi
                  - after: soon
                  - expect: finished
                """);
        write("order-statuz/other.yaml", "start: {user: hi}\nsteps: []\n");
        Diagnostics diagnostics = new Diagnostics();

        ScenarioSuite suite = ScenarioSuite.run(PROJECT, tests, tests, diagnostics);

        assertThat(suite.results()).isEmpty();
        List<String> lines =
                diagnostics.sorted().stream().map(Diagnostic::format).toList();
        assertThat(lines)
                .containsExactly(
                        "order-status/typos.yaml:3:3: error[invalid_scenario] workflow 'order-status' has no node"
                                + " 'lookp' (did you mean 'lookup'?)",
                        "order-status/typos.yaml:4:1: error[unknown_key] unknown key 'stepz' in a scenario (did you"
                                + " mean 'steps'?); valid keys: name, start, functions, webhooks, ai, agents, env, steps",
                        "order-status/typos.yaml:6:5: error[invalid_scenario] unknown step 'expect_txt' (did you mean"
                                + " 'expect_text'?); use one of [user, after, expect_text, expect_waiting_at,"
                                + " expect_variable, expect_event, expect, expect_failed, expect_no_more_messages]",
                        "order-status/typos.yaml:7:12: error[invalid_scenario] 'after' is a duration such as 90s, 15m,"
                                + " 12h or 7d, not 'soon'",
                        "order-status/typos.yaml:8:13: error[invalid_scenario] expect takes [ended, handoff, waiting];"
                                + " use expect_failed: <reason> for a failure",
                        "order-statuz/other.yaml:1:1: error[invalid_scenario] the scenario's folder 'order-statuz'"
                                + " names no workflow (did you mean 'order-status'?); put it under"
                                + " src/test/kapso/<workflow slug>/");
    }

    @Test
    void timeoutsStartsByApiAndAgentsWorkFromYaml() throws IOException {
        Project project = ConversationTest.project(io.kapsocode.dsl.Kapso.workflow("remind")
                .onApiCall()
                .start()
                .sendText("ask", "Coming, {{vars.name}}?")
                .waitForResponse("wait", w -> w.timeoutSeconds(600))
                .agent("helper", a -> a.model("gpt-5-mini").systemPrompt("Help."))
                .build());
        write("remind/timeout.yaml", """
                start: {api: {variables: {name: Ana}}}
                agents:
                  helper:
                    - reply: We missed you.
                    - complete
                steps:
                  - expect_text: Coming, Ana?
                  - expect_waiting_at: wait
                  - after: 10m
                  - expect_text: We missed you.
                  - expect: ended
                """);

        ScenarioSuite suite = ScenarioSuite.run(project, tests, tests, new Diagnostics());

        assertThat(suite.results())
                .singleElement()
                .satisfies(r -> assertThat(r.passed()).as(r.failure()).isTrue());
        assertThat(suite.coverage().workflows().get(0).percent()).isEqualTo(100.0);
    }

    private void write(String relative, String text) throws IOException {
        Path file = tests.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the report is not well-formed XML: " + e.getMessage(), e);
        }
    }

    @Test
    void flowScenariosWalkTheirFlowReportByLineAndCountScreensAndTaps() throws IOException {
        Project project = new Project(
                List.of(),
                List.of(),
                List.of(io.kapsocode.dsl.Kapso.whatsappFlow("booking")
                        .phoneNumberId("111")
                        .flowJson(FlowRunTest.BOOKING)
                        .build()));
        write("flows/booking/books.yaml", """
                name: a customer books
                open: {screen: DAY, data: {customer: Ana}}
                endpoint:
                  DAY: {screen: TIME, data: {customer: Ana, times: []}}
                steps:
                  - fill: {day: mon}
                  - tap: Next
                  - expect_screen: TIME
                  - fill: {time: "10:00"}
                  - tap: Continue
                  - tap: Book
                  - expect_completed: {day: mon, time: "10:00"}
                """);
        write("flows/booking/wrong.yaml", """
                open: {screen: DAY, data: {customer: Ana}}
                steps:
                  - fill: {day: mon}
                  - expect_screen: TIME
                """);

        ScenarioSuite suite = ScenarioSuite.run(project, tests, tests, new Diagnostics());

        assertThat(suite.results()).extracting(ScenarioSuite.Result::passed).containsExactly(true, false);
        assertThat(suite.results().get(1).failure())
                .startsWith("(flows/booking/wrong.yaml:4:5) expected screen 'TIME', but screen 'DAY' shows");
        Coverage.WorkflowCoverage booking = suite.coverage().workflows().get(0);
        assertThat(booking.slug()).isEqualTo("flow:booking");
        assertThat(booking.reachedNodes()).isEqualTo(3);
        assertThat(booking.takenBranches()).isEqualTo(3);
        assertThat(booking.percent()).isEqualTo(100.0);

        Diagnostics mistakes = new Diagnostics();
        write("flows/bookin/typo.yaml", "steps: [{tapp: Next}]\n");
        ScenarioSuite.run(project, tests, tests, mistakes);
        assertThat(mistakes.sorted())
                .extracting(io.kapsocode.diagnostic.Diagnostic::format)
                .singleElement()
                .asString()
                .contains("flows/bookin/typo.yaml")
                .contains("names no WhatsApp flow (did you mean 'booking'?)");
    }
}
