package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kapsocode.apply.StepResult.Outcome;
import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.contract.Exchanges;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.Selection;
import io.kapsocode.plan.UnresolvedReferenceException;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.Fault;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plan and apply against the local emulator, end to end, as {@code kapso:plan} and {@code kapso:apply} run them. */
public class PlanApplyTest {

    static final String KEY = "kp_plan_apply_test_key";
    static final String NUMBER = "1145171692021464";

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    static KapsoClient client(KapsoEmulator emulator) {
        return new KapsoClient(ClientSettings.of(emulator.baseUri(), ApiKey.of(KEY))
                .withRetry(RetryPolicy.defaults(), d -> {})
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    static Project project(String greeting) {
        return SampleProject.DEFAULT.greeting(greeting).build();
    }

    static Plan plan(KapsoClient client, Project project, Planner.Options options) {
        return Planner.plan(project, read(client, project), options);
    }

    static RemoteProject read(KapsoClient client, Project project) {
        return new RemoteReader(client, 4).read(Planner.needs(project));
    }

    static ApplyReport apply(KapsoClient client, Project project) {
        RemoteProject remote = read(client, project);
        Plan plan = Planner.plan(project, remote, options());
        return new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(10)), r -> {})
                .apply(project, remote, plan);
    }

    /** The remote id of a workflow, by slug, as the workflow list gives it. */
    public static String workflowId(KapsoClient client, String slug) {
        return client.listWorkflows().stream()
                .filter(w -> w.path("slug").asText().equals(slug))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Kapso has no workflow '" + slug + "'"))
                .path("id")
                .asText();
    }

    static Planner.Options options() {
        return Planner.Options.defaults("emulator");
    }

    @Test
    void firstPlanCreatesEverythingAndASecondPlanAfterApplyIsEmpty(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        Project project = project("Hi! How can we help?");

        Plan first = plan(client, project, options());
        assertThat(first.resources())
                .extracting(ResourceChange::address, ResourceChange::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("function:lookup-order", Action.CREATE),
                        org.assertj.core.groups.Tuple.tuple("whatsapp_flow:signup", Action.CREATE),
                        org.assertj.core.groups.Tuple.tuple("workflow:billing", Action.CREATE),
                        org.assertj.core.groups.Tuple.tuple("workflow:support", Action.CREATE));
        assertThat(first.summary()).isEqualTo("Plan: 4 to create, 0 to update, 0 to archive.");
        assertThat(first.resources())
                .filteredOn(r -> r.key().equals("billing"))
                .singleElement()
                .satisfies(r -> assertThat(r.notes())
                        .containsExactly("status: draft (the default; set status: active to activate it)"));

        ApplyReport report = apply(client, project);
        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(Exchanges.problems(emulator)).isEmpty();

        int writes = emulator.state().writes();
        Plan second = plan(client, project, options());
        assertThat(second.hasChanges()).as(second.toString()).isFalse();
        ApplyReport noop = apply(client, project);
        assertThat(noop.steps()).isEmpty();
        assertThat(emulator.state().writes()).isEqualTo(writes);
    }

    @Test
    void anEditedMessageIsExactlyOneFieldChange(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        assertThat(apply(client, project("Hi!")).succeeded()).isTrue();

        Plan plan = plan(client, project("Hello there!"), options());

        List<FieldChange> changes =
                plan.resources().stream().flatMap(r -> r.changes().stream()).toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path()).isEqualTo("nodes.greet.config.message");
        assertThat(changes.get(0).before().asText()).isEqualTo("Hi!");
        assertThat(changes.get(0).after().asText()).isEqualTo("Hello there!");
        assertThat(plan.summary()).isEqualTo("Plan: 0 to create, 1 to update, 0 to archive.");
    }

    @Test
    void changedCodeIsPlannedAsARedeployNotAsDeployedToDeployed(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        assertThat(apply(client, project("Hi!")).succeeded()).isTrue();

        Project changed = SampleProject.DEFAULT
                .code("async function handler(request, env) { return new Response('v2'); }")
                .build();
        ResourceChange function = plan(client, changed, options()).resources().get(0);

        assertThat(function.changes())
                .filteredOn(c -> c.path().equals("deployment"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.before().asText()).isEqualTo("deployed (version 1)");
                    assertThat(c.after().asText()).isEqualTo("redeployed with the new code");
                });
        assertThat(apply(client, changed).succeeded()).isTrue();
        assertThat(plan(client, changed, options()).hasChanges()).isFalse();
    }

    @Test
    void aFailureMidApplyIsReportedAndARerunConverges(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        Project project = project("Hi!");
        emulator.faults().injectOnce("PUT", "/workflows/.*/triggers", Fault.status(422));

        ApplyReport failed = apply(client, project);

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.steps()).extracting(StepResult::outcome).contains(Outcome.APPLIED, Outcome.FAILED);
        assertThat(failed.steps().stream().filter(s -> s.outcome() == Outcome.FAILED))
                .singleElement()
                .satisfies(s -> assertThat(s.step()).startsWith("replace the triggers of workflow"));
        assertThat(failed.steps().get(failed.steps().size() - 1).outcome()).isEqualTo(Outcome.NOT_APPLIED);
        assertThat(failed.summary()).contains("not applied").contains("kapso:plan");

        Plan remaining = plan(client, project, options());
        assertThat(remaining.resources().stream().filter(r -> r.action().writes()))
                .allSatisfy(r -> assertThat(r.changes())
                        .extracting(FieldChange::path)
                        .allMatch(p -> p.equals("triggers") || p.equals("status")));

        assertThat(apply(client, project).succeeded()).isTrue();
        assertThat(plan(client, project, options()).hasChanges()).isFalse();
    }

    @Test
    void aWorkflowGoneFromTheSourcesIsArchivedOnlyWithPrune(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        Project project = project("Hi!");
        assertThat(apply(client, project).succeeded()).isTrue();
        Project withoutSupport = new Project(
                project.workflows().stream()
                        .filter(w -> !w.slug().equals("support"))
                        .toList(),
                project.functions(),
                project.whatsappFlows());

        Plan kept = plan(client, withoutSupport, options());
        assertThat(kept.hasChanges()).isFalse();
        assertThat(kept.resources())
                .filteredOn(r -> r.key().equals("support"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo(Action.KEEP);
                    assertThat(r.notes()).anyMatch(n -> n.contains("kapso.prune"));
                });

        Planner.Options prune = new Planner.Options("emulator", true, Set.of(), Selection.ALL);
        assertThat(plan(client, withoutSupport, prune).resources())
                .filteredOn(r -> r.key().equals("support"))
                .extracting(ResourceChange::action)
                .containsExactly(Action.ARCHIVE);
        Planner.Options protect = new Planner.Options("emulator", true, Set.of("support"), Selection.ALL);
        assertThat(plan(client, withoutSupport, protect).hasChanges()).isFalse();
    }

    @Test
    void aReferenceThatExistsNowhereFailsThePlanBeforeAnyWrite(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        Project project = project("Hi!");
        Project broken = new Project(project.workflows(), List.of(), project.whatsappFlows());

        assertThatThrownBy(() -> plan(client, broken, options()))
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("function 'lookup-order'");
        assertThat(emulator.state().writes()).isZero();
    }

    @Test
    void onlyPlansTheSelectionAndWhatItDependsOn(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        Planner.Options only =
                new Planner.Options("emulator", false, Set.of(), new Selection(Set.of("billing"), Set.of()));

        Plan plan = plan(client, project("Hi!"), only);

        List<String> addresses = new ArrayList<>();
        plan.resources().forEach(r -> addresses.add(r.address()));
        assertThat(addresses).containsExactly("function:lookup-order", "workflow:billing");
        assertThat(plan.resources().get(0).notes()).anyMatch(n -> n.contains("workflow 'billing' depends on it"));
    }

    @Test
    void aPlanReadsEachDefinitionOnceAndNeverOneItDoesNotCompare(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        Project project = project("Hi!");
        assertThat(apply(client, project).succeeded()).isTrue();
        String dashboardOnly = client.createWorkflow(Json.object().put("name", "Made in the dashboard"))
                .path("id")
                .asText();
        int before = emulator.exchanges().size();

        plan(client, project, options());

        List<String> definitionReads = emulator
                .exchanges()
                .subList(before, emulator.exchanges().size())
                .stream()
                .filter(e -> e.path().endsWith("/definition"))
                .map(e -> e.path())
                .toList();
        assertThat(definitionReads).hasSize(project.workflows().size()).doesNotHaveDuplicates();
        assertThat(definitionReads).noneMatch(p -> p.contains(dashboardOnly));
        assertThat(emulator.exchanges().subList(before, emulator.exchanges().size()))
                .allMatch(e -> e.method().equals("GET"));
    }

    /** Also where Kapso takes a stale lock_version on definition writes: apply reads the workflow again first. */
    @org.junit.jupiter.params.ParameterizedTest(name = "definition writes ignore lock_version: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aWriteBetweenPlanAndApplyStopsApplyBeforeItWritesAnything(boolean weakLocking, KapsoEmulator emulator) {
        emulator.state().ignoreLockVersionOnDefinitionWrites(weakLocking);
        KapsoClient client = client(emulator);
        assertThat(apply(client, project("Hi!")).succeeded()).isTrue();
        Project edited = project("Hello!");
        RemoteProject remote = read(client, edited);
        Plan plan = Planner.plan(edited, remote, options());
        String id = remote.workflow("support").orElseThrow().id();
        client.updateWorkflow(id, "support", Json.object().put("description", "edited in the dashboard"));

        ApplyReport report = new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(5)), r -> {})
                .apply(edited, remote, plan);

        int writes = emulator.state().writes();
        assertThat(report.steps()).singleElement().satisfies(step -> {
            assertThat(step.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(step.message())
                    .isEqualTo("workflow 'support': someone changed it since it was read (lock_version 3 -> 4);"
                            + " nothing of it was written: run kapso:plan again and review");
        });
        assertThat(emulator.state().writes()).isEqualTo(writes);
        assertThat(client.getWorkflow(id).path("description").asText()).isEqualTo("edited in the dashboard");
        assertThat(client.getWorkflowDefinition(id).toString()).contains("Hi!").doesNotContain("Hello!");
    }

    @Test
    void aModelGivenByIdComparesEqualToTheNameKapsoReturnsBesideIt(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        String gpt5 = client.listProviderModels().stream()
                .filter(m -> m.path("name").asText().equals("gpt-5"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        Project project = new Project(
                List.of(Kapso.workflow("by-id")
                        .onApiCall()
                        .start()
                        .agent("helper", a -> a.modelId(gpt5).systemPrompt("Help."))
                        .build()),
                List.of(),
                List.of());
        assertThat(apply(client, project).succeeded()).isTrue();

        assertThat(plan(client, project, options()).hasChanges()).isFalse();
    }

    @Test
    void aWorkflowGoingOutOfServiceStopsBeforeItsGraphChangesAndOneGoingLiveStartsAfter(KapsoEmulator emulator) {
        KapsoClient client = client(emulator);
        assertThat(apply(client, project("Hi!")).succeeded()).isTrue();

        ApplyReport stopping = apply(
                client,
                SampleProject.DEFAULT
                        .greeting("We are closed")
                        .status(WorkflowStatus.DRAFT)
                        .build());
        ApplyReport starting = apply(client, project("We are open"));

        assertThat(stopping.steps())
                .extracting(StepResult::step)
                .containsExactly("set to draft workflow 'support'", "write the definition of workflow 'support'");
        assertThat(starting.steps())
                .extracting(StepResult::step)
                .containsExactly("write the definition of workflow 'support'", "activate workflow 'support'");
    }
}
