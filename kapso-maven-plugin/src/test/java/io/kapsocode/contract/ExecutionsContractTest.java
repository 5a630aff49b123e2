package io.kapsocode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.WorkflowBuilder;
import io.kapsocode.json.Json;
import io.kapsocode.model.Workflow;
import io.kapsocode.simulator.FunctionAnswer;
import io.kapsocode.simulator.Scenario;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator's executions API, run by the conversation runtime: starts, reads, resumes routed down a
 * call chain, timeouts, lists by status in cursor pages, Kapso's refusals; every exchange conforms to
 * Kapso's OpenAPI spec in both directions.
 */
public class ExecutionsContractTest {

    @RegisterExtension
    static KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(EmulatorContractTest.KEY);

    @Test
    void aConversationRunsThroughStartReadAndResumeAcrossACall(KapsoEmulator emulator) {
        KapsoClient client = EmulatorContractTest.client(emulator, d -> {});
        String child = create(
                client,
                Kapso.workflow("confirm")
                        .name("Confirm")
                        .start()
                        .sendText("ask-sure", "Sure, {{vars.name}}?")
                        .waitForResponse("sure", w -> w.saveResponseTo("sure"))
                        .setVariable("confirmed", "confirmed", "{{vars.sure}}", io.kapsocode.model.ValueType.STRING),
                false);
        String parent = create(
                client,
                Kapso.workflow("order")
                        .name("Order")
                        .onApiCall()
                        .start()
                        .sendText("greet", "Hi {{vars.name}}! Which size?")
                        .waitForResponse("size", w -> w.saveResponseTo("size"))
                        .callById("confirm-it", child, c -> {})
                        .sendText("bye", "Done: {{vars.size}}, {{vars.confirmed}}"),
                true);

        ObjectNode request = Json.object().put("phone_number", "+5491100000000");
        request.putObject("variables").put("name", "Ana");
        ObjectNode started = client.startExecution(parent, "order", request);
        String id = started.path("id").asText();
        assertThat(started.path("workflow_id").asText()).isEqualTo(parent);
        assertThat(started.path("tracking_id").asText()).isNotBlank();

        ObjectNode waiting = client.getExecution(id);
        assertThat(waiting.path("status").asText()).isEqualTo("waiting");
        assertThat(waiting.path("current_step").path("identifier").asText()).isEqualTo("size");
        assertThat(waiting.path("resumable_execution_id").asText()).isEqualTo(id);
        assertThat(waiting.path("execution_context").path("system").path("tracking_id"))
                .isEqualTo(started.path("tracking_id"));
        assertThat(texts(waiting)).containsExactly("Hi Ana! Which size?");

        ObjectNode first = client.resumeExecution(id, Json.text("L"));
        assertThat(first.path("id").asText()).isEqualTo(id);
        ObjectNode atCall = client.getExecution(id);
        assertThat(atCall.path("status").asText()).isEqualTo("waiting");
        assertThat(atCall.path("current_step").path("identifier").asText()).isEqualTo("confirm-it");
        String childId = atCall.path("resumable_execution_id").asText();
        assertThat(childId).isNotEqualTo(id);
        ObjectNode childRead = client.getExecution(childId);
        assertThat(childRead.path("workflow").path("id").asText()).isEqualTo(child);
        assertThat(texts(childRead)).containsExactly("Sure, Ana?");

        ObjectNode routed = client.resumeExecution(id, Json.text("yes"));
        assertThat(routed.path("id").asText()).isEqualTo(childId);
        assertThat(routed.path("requested_execution_id").asText()).isEqualTo(id);
        assertThat(routed.path("parent_flow_execution_id").asText()).isEqualTo(id);

        ObjectNode ended = client.getExecution(id);
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(ended.path("ended_at").isTextual()).isTrue();
        assertThat(ended.path("resumable_execution_id").isNull()).isTrue();
        assertThat(ended.path("execution_context")
                        .path("vars")
                        .path("confirmed")
                        .asText())
                .isEqualTo("yes");
        assertThat(texts(ended)).containsExactly("Hi Ana! Which size?", "Done: L, yes");
        assertThat(client.getExecution(childId).path("status").asText()).isEqualTo("ended");

        assertThatThrownBy(() -> client.resumeExecution(id, Json.text("again")))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.status()).contains(422));
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void aWaitPastItsTimeoutMovesOnWhenTheExecutionIsNextRead(KapsoEmulator emulator) {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        emulator.state().executionClock(clock);
        KapsoClient client = EmulatorContractTest.client(emulator, d -> {});
        String id = create(
                client,
                Kapso.workflow("reminder")
                        .name("Reminder")
                        .onApiCall()
                        .start()
                        .waitForResponse("answer", w -> w.timeoutSeconds(3600))
                        .sendText("nudge", "Still there? ({{system.last_resume.reason}})"),
                true);
        String execution = client.startExecution(id, "reminder", Json.object().put("phone_number", "+15550001111"))
                .path("id")
                .asText();
        assertThat(client.getExecution(execution).path("status").asText()).isEqualTo("waiting");

        clock.now = clock.now.plus(Duration.ofMinutes(61));

        ObjectNode after = client.getExecution(execution);
        assertThat(after.path("status").asText()).isEqualTo("ended");
        assertThat(texts(after)).containsExactly("Still there? (timeout)");
        assertThat(eventTypes(after)).contains("wait_timeout").doesNotContain("user_input_received");
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void executionsAreListedNewestFirstByStatusInCursorPages(KapsoEmulator emulator) {
        KapsoClient client = EmulatorContractTest.client(emulator, d -> {});
        String id = create(
                client,
                Kapso.workflow("survey")
                        .name("Survey")
                        .onApiCall()
                        .start()
                        .waitForResponse("score")
                        .sendText("thanks", "Thanks!"),
                true);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(client.startExecution(id, "survey", Json.object().put("phone_number", "+1555000000" + i))
                    .path("id")
                    .asText());
        }
        client.resumeExecution(started.get(0), Json.text("9"));

        // the client reads every page: 20 a page here, so the emulator's cursors are exercised below
        List<ObjectNode> waiting = client.listExecutions(id, Map.of("status", "waiting"));
        assertThat(waiting)
                .extracting(e -> e.path("id").asText())
                .containsExactlyElementsOf(reversed(started.subList(1, 5)));
        assertThat(waiting)
                .allSatisfy(e -> assertThat(
                                e.path("current_step").path("identifier").asText())
                        .isEqualTo("score"));
        assertThat(client.listExecutions(id, Map.of("status", "ended")))
                .extracting(e -> e.path("id").asText())
                .containsExactly(started.get(0));
        assertThat(client.listExecutions(id, Map.of("limit", "2"))).hasSize(5);
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void kapsosRefusalsAreKapsos(KapsoEmulator emulator) {
        KapsoClient client = EmulatorContractTest.client(emulator, d -> {});
        String draft = create(
                client,
                Kapso.workflow("draft").name("Draft").onApiCall().start().sendText("hi", "Hi"),
                false);
        String noTrigger =
                create(client, Kapso.workflow("quiet").name("Quiet").start().sendText("hi", "Hi"), true);
        ObjectNode phone = Json.object().put("phone_number", "+15550001111");
        assertThat(status(() -> client.startExecution(draft, "draft", phone))).isEqualTo(422);
        assertThat(status(() -> client.startExecution(noTrigger, "quiet", phone)))
                .isEqualTo(422);
        assertThat(status(() -> client.startExecution("missing", "missing", phone)))
                .isEqualTo(404);
        assertThat(status(() -> client.getExecution("9b2f6c1e-0000-4000-8000-000000000000")))
                .isEqualTo(404);
        assertThat(Exchanges.problems(emulator)).isEmpty();

        // a request the spec refuses is refused, and the contract check catches it on our side too
        assertThat(status(() -> client.startExecution(noTrigger, "quiet", Json.object())))
                .isEqualTo(422);
        assertThat(Exchanges.problems(emulator))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("$.workflow_execution: required property"));
    }

    @Test
    void functionStepsAnswerAsTheEmulatorsScenarioSays(KapsoEmulator emulator) {
        KapsoClient client = EmulatorContractTest.client(emulator, d -> {});
        String function = client.createFunction(Json.object()
                        .put("name", "Lookup")
                        .put("slug", "lookup")
                        .put("function_type", "cloudflare_worker")
                        .put("code", "async function handler(request, env) { return Response.json({}); }"))
                .path("id")
                .asText();
        String id = create(
                client,
                Kapso.workflow("lookup-flow")
                        .name("Lookup flow")
                        .onApiCall()
                        .start()
                        .functionById("find", function, f -> {})
                        .sendText("say", "Status: {{vars.status}}"),
                true);
        ObjectNode phone = Json.object().put("phone_number", "+15550001111");

        ObjectNode unanswered = client.getExecution(
                client.startExecution(id, "lookup-flow", phone).path("id").asText());
        assertThat(unanswered.path("status").asText()).isEqualTo("failed");
        assertThat(unanswered.path("error_details").path("error").asText()).contains("function 'lookup' has no answer");

        emulator.state()
                .conversations(new Scenario()
                        .function(
                                "lookup",
                                FunctionAnswer.body(
                                        Json.object().set("vars", Json.object().put("status", "shipped")))));
        ObjectNode answered = client.getExecution(
                client.startExecution(id, "lookup-flow", phone).path("id").asText());
        assertThat(texts(answered)).containsExactly("Status: shipped");
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    // ---- helpers

    /** Creates the workflow as an apply leaves it: its definition, its status, its triggers. */
    public static String create(KapsoClient client, Workflow workflow, boolean active) {
        CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
        ObjectNode create = Json.object().put("name", workflow.name()).put("slug", workflow.slug());
        create.set("definition", compiled.definition());
        ObjectNode created = client.createWorkflow(create);
        String id = created.path("id").asText();
        if (active) {
            client.updateWorkflow(
                    id,
                    workflow.slug(),
                    Json.object()
                            .put("status", "active")
                            .put("lock_version", created.path("lock_version").asInt()));
        }
        if (!compiled.triggers().isEmpty()) {
            client.replaceTriggers(id, workflow.slug(), compiled.triggers());
        }
        return id;
    }

    private static String create(KapsoClient client, WorkflowBuilder builder, boolean active) {
        return create(client, builder.build(), active);
    }

    private static List<String> texts(ObjectNode execution) {
        List<String> texts = new ArrayList<>();
        for (JsonNode event : execution.path("events")) {
            if (event.path("payload").path("action").asText().equals("send_message")) {
                texts.add(event.path("payload").path("text").asText());
            }
        }
        return texts;
    }

    private static List<String> eventTypes(ObjectNode execution) {
        List<String> types = new ArrayList<>();
        execution.path("events").forEach(e -> types.add(e.path("event_type").asText()));
        return types;
    }

    private static int status(Runnable call) {
        try {
            call.run();
        } catch (KapsoApiException e) {
            return e.status().orElse(0);
        }
        throw new AssertionError("expected Kapso to refuse it");
    }

    private static List<String> reversed(List<String> items) {
        List<String> out = new ArrayList<>(items);
        java.util.Collections.reverse(out);
        return out;
    }

    /** A clock a test moves on. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
