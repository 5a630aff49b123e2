package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.contract.Exchanges;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Plan;
import io.kapsocode.testkit.EmulatorSeed;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emulator seeded with an exported project holds it as Kapso would (ids from the project's
 * {@code .kapso/remote-map.json}, API shapes, names beside ids, computed labels), and the same project as
 * sources plans as no change against it; a snapshot of it restores the same project.
 */
class SeededEmulatorTest {

    static final Path REAL_WORLD = Fixtures.REAL_WORLD;

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    @Test
    void anExportedProjectPlansAsNoChangeAgainstItsOwnSeed(KapsoEmulator emulator) {
        List<String> seeded = EmulatorSeed.load(emulator.state(), REAL_WORLD);
        KapsoClient client = PlanApplyTest.client(emulator);
        Project sources = new ProjectLoader(REAL_WORLD, REAL_WORLD).load().project();

        assertThat(seeded)
                .containsExactly(
                        "function 'compute-estimate' (5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84)",
                        "workflow 'estimate' (9e2d7c55-1b3a-4f0e-8d6c-4a5b6c7d8e9f)");
        ObjectNode definition = client.getWorkflowDefinition("9e2d7c55-1b3a-4f0e-8d6c-4a5b6c7d8e9f");
        assertThat(definition.toString())
                .contains("\"function_name\":\"Compute Estimate\"")
                .contains("\"display_name\":\"Function: Compute Estimate\"")
                .doesNotContain("function_slug");

        Plan plan = PlanApplyTest.plan(client, sources, PlanApplyTest.options());
        assertThat(plan.resources().stream().flatMap(r -> r.changes().stream().map(c -> r.address() + " " + c)))
                .isEmpty();
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void kapsosTextValuesPlanAsNoChangeToo(KapsoEmulator emulator) {
        EmulatorSeed.load(emulator.state(), REAL_WORLD);
        emulator.state().answerValuesAsText(true);
        KapsoClient client = PlanApplyTest.client(emulator);

        assertThat(client.getWorkflowDefinition("9e2d7c55-1b3a-4f0e-8d6c-4a5b6c7d8e9f")
                        .toString())
                .contains("\"temperature\":\"0.2\"")
                .contains("\"llm_temperature\":\"0.0\"")
                .contains("\"variable_value\":\"t\"");
        Project sources = new ProjectLoader(REAL_WORLD, REAL_WORLD).load().project();
        assertThat(PlanApplyTest.plan(client, sources, PlanApplyTest.options()).hasChanges())
                .isFalse();
    }

    @Test
    void aSnapshotRestoresTheSameProject(KapsoEmulator emulator, @TempDir Path work) throws IOException {
        EmulatorSeed.load(emulator.state(), REAL_WORLD);
        Path file = work.resolve("emulator.json");
        Files.writeString(file, emulator.state().snapshot().toString(), StandardCharsets.UTF_8);

        try (KapsoEmulator restarted = KapsoEmulator.start(PlanApplyTest.KEY)) {
            restarted
                    .state()
                    .restore(io.kapsocode.json.Json.tryParse(Files.readString(file, StandardCharsets.UTF_8))
                            .orElseThrow());
            Project sources = new ProjectLoader(REAL_WORLD, REAL_WORLD).load().project();
            assertThat(PlanApplyTest.plan(PlanApplyTest.client(restarted), sources, PlanApplyTest.options())
                            .hasChanges())
                    .isFalse();
        }
    }

    @Test
    void aSnapshotKeepsSecretNamesButNeverTheirValues(KapsoEmulator emulator) {
        KapsoClient client = PlanApplyTest.client(emulator);
        EmulatorSeed.load(emulator.state(), REAL_WORLD);
        client.setSecret("5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84", "compute-estimate", "SHOP_TOKEN", "shh-very-secret");

        String snapshot = emulator.state().snapshot().toString();

        assertThat(snapshot).contains("SHOP_TOKEN").doesNotContain("shh-very-secret");
    }

    @Test
    void aSeedWithErrorsNamesThemAll(@TempDir Path broken, KapsoEmulator emulator) throws IOException {
        Files.createDirectories(broken.resolve("workflows"));
        Files.writeString(broken.resolve("workflows/bad.yaml"), "slug: bad\nnodes: [", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EmulatorSeed.load(emulator.state(), broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has errors")
                .hasMessageContaining("workflows/bad.yaml");
    }
}
