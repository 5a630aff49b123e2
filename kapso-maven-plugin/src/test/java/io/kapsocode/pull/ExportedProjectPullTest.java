package io.kapsocode.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.apply.Fixtures;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.LegacyFlowsClient;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.EmulatorSeed;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import io.kapsocode.validate.ProjectValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An exported project in real-world shapes, held by a seeded emulator, pulled in each layout: the pulled
 * sources name functions by slug, carry no label Kapso computed, and plan as no change.
 */
class ExportedProjectPullTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PullRoundTripTest.KEY);

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(SourceLayout.class)
    void pullsPortableSourcesThatPlanAsNoChange(SourceLayout layout, KapsoEmulator emulator) throws IOException {
        EmulatorSeed.load(emulator.state(), Fixtures.REAL_WORLD);
        emulator.state().answerValuesAsText(true); // "0.2", "t": as real exports show them
        KapsoClient client = PullRoundTripTest.client(emulator);

        RemoteProject remote = new RemoteReader(client, 4).read(RemoteReader.Needs.all());
        Project pulled = RemoteSources.of(remote, name -> true, new Diagnostics());
        PulledFiles files = PulledFiles.of(pulled, new Project(List.of(), List.of(), List.of()), layout);
        FileSync.write(work, files.files(), FileSync.compare(work, files.files()));
        LoadedProject loaded =
                new ProjectLoader(work, work).load(PullRoundTripTest.javaWorkflows(work, files.forJava()));

        assertThat(loaded.diagnostics()).noneMatch(Diagnostic::isError);
        String written = String.join("\n", files.files().values())
                + (files.forJava().isEmpty()
                        ? ""
                        : io.kapsocode.codegen.JavaSourceWriter.write("kapso", "PulledWorkflows", files.forJava()));
        assertThat(written)
                .contains("compute-estimate")
                .doesNotContain("5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84")
                .doesNotContain("Send Text Message")
                .doesNotContain("Function: Compute Estimate")
                .doesNotContain("Wait for Response");
        PullRoundTripTest.assertPlansNoChange(loaded.project(), client);
        try (Stream<Path> tree = Files.walk(work)) {
            assertThat(tree.filter(Files::isRegularFile).map(p -> read(p))).noneMatch(t -> t.contains("\"0.2\""));
        }
    }

    /**
     * The same export, as a team still on the legacy flows API meets it: read through that API
     * (camelCase definitions, values as text, a function by id), pulled, valid for that target, and
     * planned there again as no change.
     */
    @org.junit.jupiter.api.Test
    void pulledThroughTheLegacyApiItIsValidThereAndPlansAsNoChange(KapsoEmulator emulator) throws IOException {
        EmulatorSeed.load(emulator.state(), Fixtures.REAL_WORLD);
        emulator.state().answerValuesAsText(true);
        LegacyFlowsClient reader =
                new LegacyFlowsClient(Fixtures.settings(emulator.legacyBaseUri(), PullRoundTripTest.KEY), Map.of());

        RemoteProject remote = new RemoteReader(reader, 4).read(RemoteReader.Needs.all());
        Diagnostics pullDiagnostics = new Diagnostics();
        Project pulled = RemoteSources.of(remote, name -> true, pullDiagnostics);
        PulledFiles files = PulledFiles.of(pulled, new Project(List.of(), List.of(), List.of()), SourceLayout.YAML);
        FileSync.write(work, files.files(), FileSync.compare(work, files.files()));
        LoadedProject loaded = new ProjectLoader(work, work).load();

        assertThat(pullDiagnostics.sorted()).noneMatch(Diagnostic::isError);
        assertThat(loaded.diagnostics()).noneMatch(Diagnostic::isError);
        assertThat(ProjectValidator.validateForLegacyApi(loaded.project()))
                .extracting(Diagnostic::format)
                .noneMatch(line -> line.contains("error["));
        assertThat(String.join("\n", files.files().values()))
                .contains("function_slug: compute-estimate")
                .doesNotContain("5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84");

        Map<String, String> flows = new java.util.HashMap<>();
        loaded.project().workflows().forEach(w -> flows.put(w.name(), w.slug()));
        Map<String, String> functions = new java.util.HashMap<>();
        loaded.project().functions().forEach(f -> functions.put(f.name(), f.slug()));
        LegacyFlowsClient planner = new LegacyFlowsClient(
                Fixtures.settings(emulator.legacyBaseUri(), PullRoundTripTest.KEY), flows, functions);
        io.kapsocode.plan.Plan plan = Fixtures.plan(planner, loaded.project());
        assertThat(plan.hasChanges()).as(plan.toString()).isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
