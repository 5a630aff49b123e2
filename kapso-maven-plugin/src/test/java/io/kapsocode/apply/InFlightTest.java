package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.contract.Exchanges;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.plan.InFlight;
import io.kapsocode.plan.InFlight.Impact;
import io.kapsocode.plan.InFlightChange;
import io.kapsocode.plan.InFlightReader;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.report.PlanJson;
import io.kapsocode.report.PlanMarkdown;
import io.kapsocode.report.PlanText;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plans see the conversations standing in the graphs they change: how many are in flight, which wait
 * at a node the change removes, retypes or rewires, and which wait at a call node whose callee
 * changes; nothing is read for a plan that changes no definition.
 */
class InFlightTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    static Workflow survey(UnaryOperator<io.kapsocode.dsl.WorkflowBuilder> middle) {
        return middle.apply(Kapso.workflow("survey")
                        .name("Survey")
                        .status(WorkflowStatus.ACTIVE)
                        .onApiCall()
                        .start()
                        .sendText("ask", "How did we do?"))
                .sendText("thanks", "Thanks!")
                .build();
    }

    static final Workflow SURVEY = survey(b -> b.waitForResponse("answer", w -> w.saveResponseTo("score")));

    static final Workflow INTAKE = Kapso.workflow("intake")
            .name("Intake")
            .status(WorkflowStatus.ACTIVE)
            .onApiCall()
            .start()
            .call("run-survey", "survey")
            .sendText("bye", "Bye")
            .build();

    static Project project(Workflow survey) {
        return new Project(List.of(survey, INTAKE), List.of(), List.of());
    }

    @Test
    void aPlanThatRemovesANodeWhereConversationsWaitSaysWhoAndHowMany(KapsoEmulator emulator) {
        KapsoClient client = PlanApplyTest.client(emulator);
        PlanApplyTest.apply(client, project(SURVEY));
        List<String> tracking = start(client, "survey", 3);
        start(client, "intake", 1);
        int before = emulator.exchanges().size();

        Project withoutTheWait = project(survey(b -> b));
        Plan plan = plan(client, withoutTheWait);

        InFlight survey = plan.inFlight("survey").orElseThrow();
        assertThat(survey.waiting()).isEqualTo(4); // three started, one as intake's child
        assertThat(survey.affected())
                .extracting(
                        InFlight.Affected::workflow,
                        InFlight.Affected::node,
                        InFlight.Affected::impact,
                        InFlight.Affected::waiting)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("survey", "answer", Impact.REMOVED, 4),
                        org.assertj.core.groups.Tuple.tuple("intake", "run-survey", Impact.CALLEE_CHANGED, 1));
        assertThat(survey.refusable())
                .singleElement()
                .satisfies(a -> assertThat(a.trackingIds()).containsAll(tracking));
        assertThat(plan.inFlight("intake")).isEmpty();

        assertThat(PlanText.lines(plan, false))
                .contains("    in flight: 4 conversations (4 waiting, 0 running, 0 in handoff)")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("    in flight: 4 waiting at node 'answer', which this change removes (tracking"
                                + " ids: "))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("    in flight: 1 waiting in workflow 'intake' at node 'run-survey', a call node"
                                + " whose callee this change changes under its waiting child (tracking ids: "));
        assertThat(PlanMarkdown.render(plan, PlanMarkdown.DEFAULT_MAX_CHARS))
                .contains("> **Warning:** 4 conversations wait at nodes this plan removes or retypes;");
        Plan readBack = PlanJson.read(PlanJson.write(plan));
        assertThat(readBack.inFlight()).isEqualTo(plan.inFlight());
        // three lists (waiting, running, handoff) for the changed workflow and three for its caller
        assertThat(emulator.exchanges().subList(before, emulator.exchanges().size()))
                .filteredOn(e -> e.path().endsWith("/executions"))
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void aChangeElsewhereInTheWorkflowTouchesNoConversationAndANoChangePlanReadsNoExecution(KapsoEmulator emulator) {
        KapsoClient client = PlanApplyTest.client(emulator);
        PlanApplyTest.apply(client, project(SURVEY));
        start(client, "survey", 2);
        int before = emulator.exchanges().size();

        Plan unchanged = plan(client, project(SURVEY));
        assertThat(unchanged.inFlight()).isEmpty();
        assertThat(emulator.exchanges().subList(before, emulator.exchanges().size()))
                .noneMatch(e -> e.path().endsWith("/executions"));

        Workflow newText = survey(b -> b.waitForResponse("answer", w -> w.saveResponseTo("rating")));
        Plan elsewhere = plan(client, project(newText));
        InFlight seen = elsewhere.inFlight("survey").orElseThrow();
        assertThat(seen.waiting()).isEqualTo(2);
        assertThat(seen.affected()).isEmpty();
        assertThat(seen.refusable()).isEmpty();
    }

    @Test
    void aRewiredNodeIsReportedAndMoreConversationsSinceTheSavedPlanAreSaid(KapsoEmulator emulator) {
        KapsoClient client = PlanApplyTest.client(emulator);
        PlanApplyTest.apply(client, project(SURVEY));
        start(client, "survey", 1);
        Workflow rewired = Kapso.workflow("survey")
                .name("Survey")
                .status(WorkflowStatus.ACTIVE)
                .onApiCall()
                .start()
                .sendText("ask", "How did we do?")
                .waitForResponse("answer", w -> w.saveResponseTo("score"))
                .sendText("more", "Anything else?")
                .sendText("thanks", "Thanks!")
                .build();

        Plan saved = plan(client, project(rewired));
        assertThat(saved.inFlight("survey").orElseThrow().affected())
                .singleElement()
                .satisfies(a -> assertThat(a.impact()).isEqualTo(Impact.REWIRED));
        start(client, "survey", 2);
        Plan now = plan(client, project(rewired));

        assertThat(InFlightChange.increases(saved, now))
                .containsExactly("since the plan was made, more conversations stand in workflow 'survey' at node"
                        + " 'answer', whose outgoing edges this change rewires: 1 then, 3 now");
        assertThat(now.inFlight("survey").orElseThrow().refusable()).isEmpty();
    }

    private static Plan plan(KapsoClient client, Project project) {
        RemoteProject remote = PlanApplyTest.read(client, project);
        return InFlightReader.read(Planner.plan(project, remote, PlanApplyTest.options()), project, remote, client, 4);
    }

    /** Starts {@code count} conversations of the workflow; answers their tracking ids. */
    private static List<String> start(KapsoClient client, String slug, int count) {
        String id = PlanApplyTest.workflowId(client, slug);
        List<String> tracking = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode request = Json.object().put("phone_number", "+1555000000" + i);
            tracking.add(
                    client.startExecution(id, slug, request).path("tracking_id").asText());
        }
        return tracking;
    }
}
