package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.LegacyFlowsClient;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A number's inbound trigger moves from one workflow to another in one apply. Kapso lets one workflow
 * hold a number's active inbound trigger (the emulator answers 422 to a second), so the workflow giving it
 * up is written first, whatever order the plan lists them in; on both APIs.
 */
class TriggerMoveTest {

    static final String KEY = "kp_trigger_move_key";
    static final String NUMBER = "1145171692021464";

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    /** {@code alpha} is listed first; the number belongs to {@code holder}. */
    static Project project(String holder) {
        Workflow alpha = workflow("alpha", "Alpha", holder.equals("alpha"));
        Workflow zulu = workflow("zulu", "Zulu", holder.equals("zulu"));
        return new Project(List.of(alpha, zulu), List.of(), List.of());
    }

    static Workflow workflow(String slug, String name, boolean holdsNumber) {
        var builder = Kapso.workflow(slug).name(name);
        if (holdsNumber) {
            builder.onInboundMessage(NUMBER);
        }
        return builder.start().sendText("greet", "Hi from " + name).build();
    }

    @Test
    void onThePlatformApiTheWorkflowGivingUpTheNumberIsWrittenFirst(KapsoEmulator emulator) {
        KapsoClient client = new KapsoClient(Fixtures.settings(emulator.baseUri(), KEY));
        assertThat(Fixtures.apply(client, project("zulu")).succeeded()).isTrue();

        ApplyReport moved = Fixtures.apply(client, project("alpha"));

        assertThat(moved.succeeded()).as(moved.toString()).isTrue();
        assertThat(moved.steps())
                .extracting(StepResult::step)
                .containsSubsequence(
                        "replace the triggers of workflow 'zulu'", "replace the triggers of workflow 'alpha'");
    }

    @Test
    void onTheLegacyApiToo(KapsoEmulator emulator) {
        LegacyFlowsClient client = new LegacyFlowsClient(
                Fixtures.settings(emulator.legacyBaseUri(), KEY), Map.of("Alpha", "alpha", "Zulu", "zulu"));
        assertThat(Fixtures.apply(client, project("zulu")).succeeded()).isTrue();

        ApplyReport moved = Fixtures.apply(client, project("alpha"));

        assertThat(moved.succeeded()).as(moved.toString()).isTrue();
    }
}
