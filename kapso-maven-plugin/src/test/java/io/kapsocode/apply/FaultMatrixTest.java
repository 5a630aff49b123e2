package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.apply.StepResult.Outcome;
import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.model.Project;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.Fault;
import io.kapsocode.testkit.KapsoEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write step of apply against every fault a network and Kapso can produce: the run ends with a
 * report that names the failed step and what was not applied, no resource is created twice, and a
 * re-run converges to the sources (a plan after it shows no change). Retries wait on a fake clock.
 */
class FaultMatrixTest {

    static final String KEY = "kp_fault_matrix_key";

    /**
     * One write step: the project applied first, the project whose apply meets the fault, and the
     * request the fault hits (the first one that matches).
     */
    record WriteStep(String name, SampleProject before, SampleProject after, String method, String path) {

        @Override
        public String toString() {
            return name;
        }
    }

    record NamedFault(String name, Fault fault) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final SampleProject V1 = SampleProject.DEFAULT;

    static final List<WriteStep> STEPS = List.of(
            new WriteStep("function create", null, V1, "POST", "/functions"),
            new WriteStep(
                    "function save",
                    V1,
                    V1.code("async function handler(request, env) { return new Response('v2'); }"),
                    "PATCH",
                    "/functions/[^/]+"),
            new WriteStep("function deploy", null, V1, "POST", "/functions/[^/]+/deploy"),
            new WriteStep("flow create", null, V1, "POST", "/whatsapp/flows"),
            new WriteStep("flow version", V1, V1.screenTitle("Join us"), "POST", "/whatsapp/flows/[^/]+/versions"),
            new WriteStep("workflow create", null, V1, "POST", "/workflows"),
            new WriteStep("definition PATCH", V1, V1.greeting("Hello again!"), "PATCH", "/workflows/[^/]+"),
            new WriteStep("trigger PUT", V1, V1.apiTrigger(true), "PUT", "/workflows/[^/]+/triggers"),
            new WriteStep("status PATCH", V1, V1.status(WorkflowStatus.DRAFT), "PATCH", "/workflows/[^/]+"));

    static final List<NamedFault> FAULTS = List.of(
            new NamedFault("reset before the write", Fault.resetBefore()),
            new NamedFault("reset after the write", Fault.resetAfter()),
            new NamedFault("500", Fault.status(500)),
            new NamedFault("502", Fault.status(502)),
            new NamedFault("503 with Retry-After", Fault.status(503, 1)),
            new NamedFault("429", Fault.status(429, 1)),
            new NamedFault("timeout", Fault.delay(Duration.ofMillis(900))),
            new NamedFault("409", Fault.status(409)),
            new NamedFault("malformed JSON", Fault.malformedAfter()));

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (WriteStep step : STEPS) {
            for (NamedFault fault : FAULTS) {
                all.add(Arguments.of(step, fault));
            }
        }
        return all.stream();
    }

    /** How the faulty applies ended, for the figures in the README. */
    static final java.util.Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    KapsoEmulator emulator;
    KapsoClient client;

    @org.junit.jupiter.api.AfterAll
    static void writeFigures() throws IOException {
        StringBuilder figures = new StringBuilder("scenarios: " + STEPS.size() * FAULTS.size() + "\n");
        OUTCOMES.forEach((outcome, count) ->
                figures.append(outcome).append(": ").append(count).append('\n'));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fault-matrix.txt"), figures.toString());
    }

    @BeforeEach
    void start() throws IOException {
        emulator = KapsoEmulator.start(KEY);
        client = new KapsoClient(ClientSettings.of(emulator.baseUri(), ApiKey.of(KEY))
                .withRetry(RetryPolicy.defaults(), d -> {})
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("scenarios")
    void aFaultEndsInAnAccurateReportAndAReRunConverges(WriteStep step, NamedFault fault) {
        if (step.before() != null) {
            assertThat(apply(step.before().build()).succeeded()).isTrue();
        }
        Project desired = step.after().build();
        emulator.faults().injectOnce(step.method(), step.path(), fault.fault());

        ApplyReport report = apply(desired);

        assertThat(emulator.faults().pending()).as("the fault met its request").isZero();
        List<StepResult> steps = report.steps();
        int broken = indexOfFirstNotApplied(steps);
        OUTCOMES.merge(
                broken < 0
                        ? "retried and applied"
                        : steps.get(broken).outcome() == Outcome.FAILED
                                ? "failed, reported"
                                : "outcome unknown, reported",
                1,
                Integer::sum);
        if (broken >= 0) {
            StepResult failed = steps.get(broken);
            assertThat(failed.outcome()).isIn(Outcome.FAILED, Outcome.OUTCOME_UNKNOWN);
            assertThat(failed.message())
                    .isNotBlank()
                    .doesNotContain("Exception")
                    .doesNotContain(KEY);
            assertThat(steps.subList(broken + 1, steps.size()))
                    .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.NOT_APPLIED));
            assertThat(report.summary()).contains("Run kapso:plan to see exactly what remains");
        }
        emulator.faults().clear();

        ApplyReport rerun = apply(desired);

        assertThat(rerun.succeeded()).as(rerun.toString()).isTrue();
        assertThat(plan(desired).hasChanges()).isFalse();
        assertNothingCreatedTwice();
    }

    private static int indexOfFirstNotApplied(List<StepResult> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).outcome() != Outcome.APPLIED) {
                return i;
            }
        }
        return -1;
    }

    private void assertNothingCreatedTwice() {
        assertThat(client.listWorkflows())
                .extracting(w -> w.path("slug").asText())
                .doesNotHaveDuplicates()
                .hasSize(2);
        assertThat(client.listFunctions())
                .extracting(f -> f.path("slug").asText())
                .containsExactly("lookup-order");
        List<ObjectNode> flows = client.listWhatsappFlows();
        assertThat(flows).extracting(f -> f.path("name").asText()).containsExactly("signup");
        assertThat(client.listWhatsappFlowVersions(flows.get(0).path("id").asText()))
                .hasSizeLessThanOrEqualTo(2);
    }

    private ApplyReport apply(Project project) {
        RemoteProject remote = new RemoteReader(client, 4).read(Planner.needs(project));
        Plan plan = Planner.plan(project, remote, Planner.Options.defaults("emulator"));
        return new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(5)), r -> {})
                .apply(project, remote, plan);
    }

    private Plan plan(Project project) {
        return Planner.plan(
                project,
                new RemoteReader(client, 4).read(Planner.needs(project)),
                Planner.Options.defaults("emulator"));
    }
}
