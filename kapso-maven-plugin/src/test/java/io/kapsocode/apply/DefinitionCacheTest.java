package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.apply.StepResult.Outcome;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.remote.DefinitionCache;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.Exchange;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans take an unchanged workflow's definition from the cache instead of reading it; any change in
 * Kapso moves the workflow's {@code lock_version} and {@code updated_at}, so it is read again; and a
 * cache that lies can never make an apply write over a remote change.
 */
class DefinitionCacheTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    @TempDir
    Path state;

    Path file() {
        return state.resolve("definitions.json");
    }

    RemoteProject read(KapsoClient client, Project project, boolean refresh) throws IOException {
        DefinitionCache cache = DefinitionCache.open(file(), "emulator", refresh);
        RemoteProject remote = new RemoteReader(client, 4, cache).read(Planner.needs(project));
        Set<String> ids = new TreeSet<>();
        remote.workflows().forEach(w -> ids.add(w.path("id").asText()));
        cache.save(ids);
        return remote;
    }

    static long definitionReads(KapsoEmulator emulator, int since) {
        return emulator.exchanges().subList(since, emulator.exchanges().size()).stream()
                .filter(e -> e.method().equals("GET") && e.path().endsWith("/definition"))
                .count();
    }

    @Test
    void anUnchangedWorkflowIsNotReadAgainAndTheResultIsTheSame(KapsoEmulator emulator) throws IOException {
        KapsoClient client = PlanApplyTest.client(emulator);
        Project project = PlanApplyTest.project("Hi! How can we help?");
        PlanApplyTest.apply(client, project);

        int first = emulator.exchanges().size();
        Plan read = Planner.plan(project, read(client, project, false), PlanApplyTest.options());
        assertThat(definitionReads(emulator, first)).isEqualTo(2);

        int second = emulator.exchanges().size();
        Plan cached = Planner.plan(project, read(client, project, false), PlanApplyTest.options());
        assertThat(definitionReads(emulator, second)).isZero();
        assertThat(cached).isEqualTo(read);

        int full = emulator.exchanges().size();
        read(client, project, true);
        assertThat(definitionReads(emulator, full)).isEqualTo(2);
    }

    @Test
    void everyKindOfWorkflowUpdateMovesLockVersionAndUpdatedAtSoTheCacheIsReadAgain(KapsoEmulator emulator)
            throws IOException, InterruptedException {
        KapsoClient client = PlanApplyTest.client(emulator);
        Project project = PlanApplyTest.project("Hi! How can we help?");
        PlanApplyTest.apply(client, project);
        read(client, project, false);
        String id = PlanApplyTest.workflowId(client, "support");

        // the evidence, update by update: Kapso's spec says lock_version increments on each update
        List<ObjectNode> updates = List.of(
                Json.object().put("description", "Edited in the dashboard"),
                Json.object().put("status", "draft"),
                definitionWith(client.getWorkflowDefinition(id), "Edited in the dashboard!"));
        for (ObjectNode update : updates) {
            ObjectNode before = client.getWorkflow(id);
            Thread.sleep(2); // updated_at has millisecond precision
            update.put("lock_version", before.path("lock_version").asInt());
            client.updateWorkflow(id, "support", update);
            ObjectNode after = client.getWorkflow(id);
            assertThat(after.path("lock_version").asInt())
                    .as(update.toString())
                    .isEqualTo(before.path("lock_version").asInt() + 1);
            assertThat(after.path("updated_at").asText())
                    .isNotEqualTo(before.path("updated_at").asText());
        }

        int since = emulator.exchanges().size();
        RemoteProject remote = read(client, project, false);
        assertThat(definitionReads(emulator, since)).isEqualTo(1);
        Plan plan = Planner.plan(project, remote, PlanApplyTest.options());
        ResourceChange changed = plan.resources().stream()
                .filter(r -> r.key().equals("support"))
                .findFirst()
                .orElseThrow();
        assertThat(changed.action()).isEqualTo(Action.UPDATE);
        assertThat(changed.changes()).anySatisfy(c -> assertThat(c.path()).isEqualTo("nodes.greet.config.message"));
    }

    @Test
    void aCacheThatLiesCannotMakeApplyWriteOverARemoteChange(KapsoEmulator emulator) throws IOException {
        KapsoClient client = PlanApplyTest.client(emulator);
        Project project = PlanApplyTest.project("Hi! How can we help?");
        PlanApplyTest.apply(client, project);
        read(client, project, false);
        // someone edits the workflow in Kapso, and the cache file is tampered with to hide it: its
        // version claims to be the new one, its definition is the old one
        String id = PlanApplyTest.workflowId(client, "support");
        ObjectNode edit = definitionWith(client.getWorkflowDefinition(id), "Edited in the dashboard!");
        edit.put("lock_version", client.getWorkflow(id).path("lock_version").asInt());
        client.updateWorkflow(id, "support", edit);
        ObjectNode listed = client.getWorkflow(id);
        ObjectNode cache = (ObjectNode)
                Json.tryParse(Files.readString(file(), StandardCharsets.UTF_8)).orElseThrow();
        ObjectNode entry = (ObjectNode) cache.path("workflows").path(id);
        entry.set("lock_version", listed.path("lock_version"));
        entry.set("updated_at", listed.path("updated_at"));
        ((ObjectNode) entry.path("workflow")).set("lock_version", listed.path("lock_version"));
        Files.writeString(file(), cache.toString(), StandardCharsets.UTF_8);

        Project changed = PlanApplyTest.project("Hello from the sources");
        RemoteProject remote = read(client, changed, false);
        Plan plan = Planner.plan(changed, remote, PlanApplyTest.options());
        int since = emulator.exchanges().size();
        ApplyReport report = new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(10)), r -> {})
                .apply(changed, remote, plan);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.steps())
                .anySatisfy(
                        s -> assertThat(s.message()).contains("its definition differs from the one planned against"));
        assertThat(emulator.exchanges().subList(since, emulator.exchanges().size()))
                .filteredOn(Exchange::isWrite)
                .noneMatch(e -> e.path().equals("/workflows/" + id));
        assertThat(client.getWorkflowDefinition(id).toString()).contains("Edited in the dashboard!");
        assertThat(report.steps()).anySatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.FAILED));
    }

    /** The workflow's definition with the greeting replaced, as a PATCH body. */
    private static ObjectNode definitionWith(ObjectNode workflow, String greeting) {
        ObjectNode definition = workflow.path("definition").deepCopy();
        definition.path("nodes").forEach(node -> {
            if (node.path("id").asText().equals("greet")) {
                ((ObjectNode) node.path("data").path("config")).put("message", greeting);
            }
        });
        ObjectNode body = Json.object();
        body.set("definition", definition);
        return body;
    }
}
