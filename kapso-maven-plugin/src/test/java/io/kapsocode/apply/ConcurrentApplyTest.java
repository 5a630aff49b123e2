package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.apply.StepResult.Outcome;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two applies race on one workflow, each from its own plan of the same remote state. Where Kapso checks
 * {@code lock_version} on definition writes (its OpenAPI spec): one wins, the other stops with the
 * conflict named, and the winner's change is what Kapso holds (no lost update). Where it does not (the
 * weaker mode its own scripts describe): apply's re-read stops a writer that comes after the other's
 * write; two writers inside the same few milliseconds both write, and the later one reports that it raced
 * (the README states this window). Either way at least one apply reports the conflict and Kapso holds one
 * side's version whole, never a mix.
 */
class ConcurrentApplyTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    static Stream<Arguments> modes() {
        return Stream.of(false, true).flatMap(weak -> IntStream.range(0, 5).mapToObj(run -> Arguments.of(weak, run)));
    }

    @ParameterizedTest(name = "definition writes ignore lock_version: {0}, run {1}")
    @MethodSource("modes")
    void oneApplyWinsAndTheOtherStopsWithAConflict(boolean weakLocking, int run, KapsoEmulator emulator)
            throws Exception {
        emulator.state().ignoreLockVersionOnDefinitionWrites(weakLocking);
        KapsoClient client = PlanApplyTest.client(emulator);
        assertThat(PlanApplyTest.apply(client, PlanApplyTest.project("Hi!")).succeeded())
                .isTrue();
        Project alice = PlanApplyTest.project("Hello from Alice");
        Project bob = PlanApplyTest.project("Hello from Bob");
        RemoteProject seenByAlice = PlanApplyTest.read(client, alice);
        RemoteProject seenByBob = PlanApplyTest.read(client, bob);
        Plan alicePlan = Planner.plan(alice, seenByAlice, PlanApplyTest.options());
        Plan bobPlan = Planner.plan(bob, seenByBob, PlanApplyTest.options());

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ApplyReport> aliceRun = pool.submit(race(start, client, alice, seenByAlice, alicePlan));
            Future<ApplyReport> bobRun = pool.submit(race(start, client, bob, seenByBob, bobPlan));
            List<ApplyReport> reports = List.of(aliceRun.get(), bobRun.get());

            assertThat(reports).filteredOn(r -> !r.succeeded()).isNotEmpty();
            for (ApplyReport failed :
                    reports.stream().filter(r -> !r.succeeded()).toList()) {
                assertThat(failed.steps()).singleElement().satisfies(step -> {
                    assertThat(step.outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(step.message())
                            .containsAnyOf("someone changed it since it was read", "changed it at the same time");
                });
            }
            if (!weakLocking) {
                assertThat(reports).filteredOn(ApplyReport::succeeded).hasSize(1);
            }
            boolean aliceHolds = !Planner.plan(alice, PlanApplyTest.read(client, alice), PlanApplyTest.options())
                    .hasChanges();
            boolean bobHolds = !Planner.plan(bob, PlanApplyTest.read(client, bob), PlanApplyTest.options())
                    .hasChanges();
            assertThat(aliceHolds ^ bobHolds)
                    .as("Kapso holds exactly one side's version")
                    .isTrue();
            if (!weakLocking) {
                assertThat(reports.get(0).succeeded() ? aliceHolds : bobHolds).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<ApplyReport> race(
            CyclicBarrier start, KapsoClient client, Project project, RemoteProject remote, Plan plan) {
        return () -> {
            start.await();
            return new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(5)), r -> {})
                    .apply(project, remote, plan);
        };
    }
}
