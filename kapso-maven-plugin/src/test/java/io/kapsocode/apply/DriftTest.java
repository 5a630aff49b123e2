package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.client.KapsoClient;
import io.kapsocode.model.Project;
import io.kapsocode.plan.AppliedState;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.ResourceChange.Origin;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.report.PlanText;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** With the last apply recorded, a plan tells an edit made in Kapso from a change in the sources. */
class DriftTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    @TempDir
    Path work;

    Path state;
    KapsoClient client;

    /** Applies {@code project}; with {@code record}, as kapso:apply does, records what was applied. */
    Plan apply(Project project, boolean record) throws IOException {
        RemoteProject remote = PlanApplyTest.read(client, project);
        Plan plan = Planner.plan(project, remote, options());
        assertThat(new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(5)), r -> {})
                        .apply(project, remote, plan)
                        .succeeded())
                .isTrue();
        if (record) {
            AppliedState.record(state, plan, project, Set.of());
        }
        return plan;
    }

    Planner.Options options() {
        return PlanApplyTest.options()
                .withApplied(AppliedState.read(state, PlanApplyTest.options().target()));
    }

    ResourceChange support(Project sources) {
        return Planner.plan(sources, PlanApplyTest.read(client, sources), options()).resources().stream()
                .filter(r -> r.key().equals("support"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachSideOfAChangeIsNamed(KapsoEmulator emulator) throws IOException {
        state = work.resolve(".kapso/applied.json");
        client = PlanApplyTest.client(emulator);
        Project applied = PlanApplyTest.project("Hi!");
        apply(applied, true);

        assertThat(support(applied).origin()).isEqualTo(Origin.UNKNOWN);
        assertThat(support(PlanApplyTest.project("Edited in git")).origin()).isEqualTo(Origin.SOURCES);

        apply(PlanApplyTest.project("Edited in the dashboard"), false); // someone else, no record
        ResourceChange drift = support(applied);
        assertThat(drift.origin()).isEqualTo(Origin.KAPSO);
        assertThat(drift.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.path()).isEqualTo("nodes.greet.config.message"));
        assertThat(PlanText.lines(Planner.plan(applied, PlanApplyTest.read(client, applied), options()), false))
                .anyMatch(line -> line.contains("changed in Kapso since the last apply")
                        && line.contains("kapso:pull -Dkapso.only=support adopts it"));
        assertThat(support(PlanApplyTest.project("Edited in git")).origin()).isEqualTo(Origin.BOTH);
    }

    @Test
    void labelsAddedToTheSourcesAreAChangeInTheSourcesOnly(KapsoEmulator emulator) throws IOException {
        state = work.resolve(".kapso/applied.json");
        client = PlanApplyTest.client(emulator);
        Project unlabelled = PlanApplyTest.project("Hi!");
        apply(unlabelled, true);

        Project labelled = withDisplayName(unlabelled, "greet", "Greeting");
        ResourceChange change = support(labelled);

        assertThat(change.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.path()).isEqualTo("nodes.greet.display_name"));
        assertThat(change.origin()).isEqualTo(Origin.SOURCES);
        apply(labelled, true);
        assertThat(support(labelled).action()).isEqualTo(io.kapsocode.plan.Action.NO_CHANGE);
    }

    private static Project withDisplayName(Project project, String node, String displayName) {
        return ProjectEdits.mapNodes(
                project,
                n -> n.id().equals(node)
                        ? new io.kapsocode.model.Node(
                                n.id(), n.config(), displayName, n.position(), n.extraConfig(), n.suppressions())
                        : n);
    }
}
