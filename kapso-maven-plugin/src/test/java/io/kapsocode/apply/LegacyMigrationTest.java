package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.ApiKind;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.LegacyFlowsClient;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A team on the legacy flows API applies there, then moves to the Platform API with the same sources:
 * the flows are found by name even where the Platform knows them under another slug.
 */
class LegacyMigrationTest {

    static final String KEY = "kp_legacy_migration_key";

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    static Project project(String greeting, String slug) {
        Workflow orders = Kapso.workflow(slug)
                .name("Order status")
                .status(WorkflowStatus.ACTIVE)
                .start()
                .sendText("greet", greeting)
                .build();
        return new Project(List.of(orders), List.of(), List.of());
    }

    @Test
    void appliedOnTheLegacyApiThenPlannedOnThePlatformUnderAnotherSlugRenamesInsteadOfCreating(KapsoEmulator emulator) {
        LegacyFlowsClient legacy = new LegacyFlowsClient(
                Fixtures.settings(emulator.legacyBaseUri(), KEY), Map.of("Order status", "order-status"));
        Project sources = project("Hi!", "order-status");

        assertThat(Fixtures.apply(legacy, sources).succeeded()).isTrue();
        Plan again = Fixtures.plan(legacy, sources);
        assertThat(again.hasChanges()).as(again.toString()).isFalse();
        assertThat(again.resources().get(0).notes())
                .containsExactly("status: draft -> active is not applied: the legacy flows API cannot change a"
                        + " flow's status; change it in the Kapso dashboard");
        assertThat(emulator.exchanges()).noneMatch(e -> e.path().contains("/workflows"));

        // the Platform knows the flow under a slug of its own
        KapsoClient platform = new KapsoClient(Fixtures.settings(emulator.baseUri(), KEY));
        String id = PlanApplyTest.workflowId(platform, "order-status");
        int lockVersion = platform.getWorkflow(id).path("lock_version").asInt();
        platform.updateWorkflow(
                id,
                "order-status",
                Json.object().put("slug", "order-status-legacy-1").put("lock_version", lockVersion));

        Plan moved = Fixtures.plan(platform, sources);
        ResourceChange orders = moved.resources().get(0);
        assertThat(orders.action()).isEqualTo(Action.UPDATE);
        assertThat(orders.remoteId()).isEqualTo(id);
        assertThat(orders.changes()).extracting(FieldChange::path).containsExactlyInAnyOrder("slug", "status");
        assertThat(orders.notes()).singleElement().asString().contains("matched by its name, 'Order status'");

        assertThat(Fixtures.apply(platform, sources).succeeded()).isTrue();
        assertThat(PlanApplyTest.workflowId(platform, "order-status")).isEqualTo(id);
        assertThat(Fixtures.plan(platform, sources).hasChanges()).isFalse();
        assertThat(platform.listWorkflows()).hasSize(1);
        assertThat(platform.api()).isEqualTo(ApiKind.PLATFORM);
    }

    @Test
    void aFlowActivatedInTheDashboardRunsThroughTheLegacyExecutionsApi(KapsoEmulator emulator) {
        LegacyFlowsClient legacy =
                new LegacyFlowsClient(Fixtures.settings(emulator.legacyBaseUri(), KEY), Map.of("Survey", "survey"));
        Workflow survey = Kapso.workflow("survey")
                .name("Survey")
                .trigger(new io.kapsocode.model.trigger.ApiCallTrigger(true))
                .start()
                .sendText("ask", "Happy with us?")
                .waitForResponse("answer", w -> w.saveResponseTo("happy"))
                .sendText("thanks", "Thanks!")
                .build();
        Project sources = new Project(List.of(survey), List.of(), List.of());
        assertThat(Fixtures.apply(legacy, sources).succeeded()).isTrue();
        String id = legacy.listWorkflows().get(0).path("id").asText();
        ObjectNode call = Json.object().put("phone_number", "+15550001");

        // a draft flow does not run: the legacy API cannot activate it, the dashboard must
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> legacy.startExecution(id, "survey", call))
                .hasMessageContaining("Flow is not active");
        KapsoClient dashboard = new KapsoClient(Fixtures.settings(emulator.baseUri(), KEY));
        int lockVersion = dashboard.getWorkflow(id).path("lock_version").asInt();
        dashboard.updateWorkflow(
                id, "survey", Json.object().put("status", "active").put("lock_version", lockVersion));

        ObjectNode started = legacy.startExecution(id, "survey", call);
        assertThat(started.path("tracking_id").asText()).isNotBlank();
        List<ObjectNode> waiting = legacy.listExecutions(id, Map.of("status", "waiting"));
        assertThat(waiting).hasSize(1);
        String execution = waiting.get(0).path("id").asText();
        assertThat(legacy.getExecution(execution).path("status").asText()).isEqualTo("waiting");

        legacy.resumeExecution(execution, Json.text("yes"));
        assertThat(legacy.getExecution(execution).path("status").asText()).isEqualTo("ended");
    }

    @Test
    void pruneOnTheLegacyApiOnlyListsWhatItCannotArchive(KapsoEmulator emulator) {
        LegacyFlowsClient legacy = new LegacyFlowsClient(
                Fixtures.settings(emulator.legacyBaseUri(), KEY), Map.of("Order status", "order-status"));
        assertThat(Fixtures.apply(legacy, project("Hi!", "order-status")).succeeded())
                .isTrue();
        Project empty = new Project(List.of(), List.of(), List.of());

        RemoteProject remote = new RemoteReader(legacy, 2).read(Planner.needs(empty));
        Plan plan = Planner.plan(
                empty,
                remote,
                new Planner.Options("emulator", true, java.util.Set.of(), io.kapsocode.plan.Selection.ALL)
                        .withApi(legacy.api()));

        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.resources()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(Action.KEEP);
            assertThat(r.notes()).singleElement().asString().contains("cannot archive or delete a flow");
        });
        ApplyReport nothing = new Applier(legacy, new Applier.Options(Duration.ZERO, Duration.ofSeconds(10)), x -> {})
                .apply(empty, remote, plan);
        assertThat(nothing.steps()).isEmpty();
    }
}
