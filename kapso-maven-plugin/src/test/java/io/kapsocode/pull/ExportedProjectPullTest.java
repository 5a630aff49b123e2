package io.kapsocode.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.apply.Fixtures;
import io.kapsocode.client.KapsoClient;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
