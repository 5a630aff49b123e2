package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.client.KapsoClient;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.AppliedState;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.Selection;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow the last apply took from Java definitions is never pruned by a run that loaded no Java
 * definitions: its absence may only mean that nothing compiled them.
 */
class JavaPruneGuardTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    @TempDir
    Path work;

    static final Planner.Options PRUNE = new Planner.Options("emulator", true, Set.of(), Selection.ALL);

    @Test
    void aJavaWorkflowIsKeptWhenNoJavaDefinitionsWereLoaded(KapsoEmulator emulator) throws IOException {
        KapsoClient client = PlanApplyTest.client(emulator);
        Project project = PlanApplyTest.project("Hi!");
        Path state = applyRecording(client, project, Set.of("workflow:support"));
        Project yamlOnly = without(project, "support");

        ResourceChange kept = support(client, yamlOnly, PRUNE.withApplied(AppliedState.read(state, "emulator")));
        assertThat(kept.action()).isEqualTo(Action.KEEP);
        assertThat(kept.notes())
                .singleElement()
                .asString()
                .contains("the last apply took it from Java definitions and this run loaded none")
                .contains("mvn process-classes kapso:plan");

        // loading some Java definitions means the workflow was deleted from them on purpose
        ResourceChange archived = support(
                client,
                yamlOnly,
                PRUNE.withApplied(AppliedState.read(state, "emulator")).withJavaLoaded(true));
        assertThat(archived.action()).isEqualTo(Action.ARCHIVE);
    }

    @Test
    void aWorkflowFromFilesIsPrunedAsBefore(KapsoEmulator emulator) throws IOException {
        KapsoClient client = PlanApplyTest.client(emulator);
        Project project = PlanApplyTest.project("Hi!");
        Path state = applyRecording(client, project, Set.of());

        ResourceChange archived =
                support(client, without(project, "support"), PRUNE.withApplied(AppliedState.read(state, "emulator")));
        assertThat(archived.action()).isEqualTo(Action.ARCHIVE);
    }

    @Test
    void aKeptRecordSurvivesTheNextApplyAndOnlyKeepsTheOthers(KapsoEmulator emulator) throws IOException {
        KapsoClient client = PlanApplyTest.client(emulator);
        Project project = PlanApplyTest.project("Hi!");
        Path state = applyRecording(client, project, Set.of("workflow:support"));

        // a run without Java definitions that applies, and one limited by kapso.only, keep the record
        Plan withoutJava = PlanApplyTest.plan(
                client, without(project, "support"), PRUNE.withApplied(AppliedState.read(state, "emulator")));
        AppliedState.record(state, withoutJava, without(project, "support"), Set.of());
        Plan onlyBilling = PlanApplyTest.plan(
                client,
                project,
                new Planner.Options("emulator", false, Set.of(), new Selection(Set.of("billing"), Set.of())));
        AppliedState.record(state, onlyBilling, project, Set.of());

        AppliedState after = AppliedState.read(state, "emulator");
        assertThat(after.fromJava()).containsExactly("workflow:support");
        assertThat(after.hashes()).containsKeys("workflow:support", "workflow:billing", "function:lookup-order");
    }

    @Test
    void readsTheFirstFormatOfTheFile() throws IOException {
        Path state = work.resolve("applied.json");
        Files.writeString(
                state,
                "{\"format_version\":1,\"targets\":{\"emulator\":{\"workflow:support\":\"0a1b2c3d4e5f\"}}}",
                StandardCharsets.UTF_8);

        AppliedState read = AppliedState.read(state, "emulator");
        assertThat(read.hashes()).containsEntry("workflow:support", "0a1b2c3d4e5f");
        assertThat(read.fromJava()).isEmpty();
    }

    private Path applyRecording(KapsoClient client, Project project, Set<String> fromJava) throws IOException {
        assertThat(PlanApplyTest.apply(client, project).succeeded()).isTrue();
        Path state = work.resolve("applied.json");
        AppliedState.record(state, PlanApplyTest.plan(client, project, PlanApplyTest.options()), project, fromJava);
        return state;
    }

    private static ResourceChange support(KapsoClient client, Project sources, Planner.Options options) {
        return PlanApplyTest.plan(client, sources, options).resources().stream()
                .filter(r -> r.address().equals("workflow:support"))
                .findFirst()
                .orElseThrow();
    }

    private static Project without(Project project, String slug) {
        List<io.kapsocode.model.Workflow> kept =
                project.workflows().stream().filter(w -> !w.slug().equals(slug)).toList();
        return new Project(kept, project.functions(), project.whatsappFlows());
    }
}
