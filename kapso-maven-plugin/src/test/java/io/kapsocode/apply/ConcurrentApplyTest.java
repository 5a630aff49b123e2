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
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two applies race on one workflow, each from its own plan of the same remote state: one wins, the
 * other stops with the conflict named, and the winner's change is what Kapso holds (no lost update).
 */
class ConcurrentApplyTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    @RepeatedTest(5)
    void oneApplyWinsAndTheOtherStopsWithAConflict(KapsoEmulator emulator) throws Exception {
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

            assertThat(reports).filteredOn(ApplyReport::succeeded).hasSize(1);
            ApplyReport loser =
                    reports.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
            assertThat(loser.steps()).singleElement().satisfies(step -> {
                assertThat(step.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(step.message()).contains("409").contains("someone changed it since it was read");
            });
            Project winner = reports.get(0).succeeded() ? alice : bob;
            assertThat(Planner.plan(winner, PlanApplyTest.read(client, winner), PlanApplyTest.options())
                            .hasChanges())
                    .isFalse();
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
