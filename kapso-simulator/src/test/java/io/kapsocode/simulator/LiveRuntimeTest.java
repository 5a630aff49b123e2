package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a live project is read: Kapso runs executions in the background, so reads repeat (with growing
 * pauses) until nothing of the conversation runs, a resume counts only once Kapso shows it taken, and
 * an execution that never settles is given up on with a reason.
 */
class LiveRuntimeTest {

    /** A Kapso that answers the reads of one execution from a script. */
    static final class ScriptedKapso implements ExecutionsApi {
        final Deque<Optional<JsonNode>> reads = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public JsonNode start(String workflowId, String slug, ObjectNode request) {
            calls.add("start " + workflowId + " " + Json.compact(request));
            return Json.object().put("id", "e1").put("tracking_id", "t1");
        }

        @Override
        public Optional<JsonNode> execution(String id) {
            calls.add("get " + id);
            return reads.size() > 1 ? reads.poll() : reads.peek();
        }

        @Override
        public JsonNode resume(String id, JsonNode data) {
            calls.add("resume " + id + " " + Json.compact(data));
            return Json.object().put("id", id);
        }
    }

    static JsonNode read(String status, String step, String lastEventAt, String... texts) {
        ObjectNode detail = Json.object()
                .put("id", "e1")
                .put("status", status)
                .put("last_event_at", lastEventAt)
                .put("started_at", "2026-12-04T10:00:00Z");
        detail.putObject("current_step").put("id", "s").put("identifier", step);
        detail.putObject("workflow").put("id", "w1");
        detail.putObject("execution_context").putObject("vars").put("name", "Ana");
        var events = detail.putArray("events");
        for (String text : texts) {
            events.addObject()
                    .put("event_type", "action_performed")
                    .put("created_at", lastEventAt)
                    .set("payload", Json.object().put("text", text));
        }
        return detail;
    }

    final ScriptedKapso kapso = new ScriptedKapso();
    final List<Duration> pauses = new ArrayList<>();
    final LiveRuntime runtime =
            new LiveRuntime(kapso, Map.of("booking", "w1"), "+15550001111", Duration.ofMinutes(5)).pause(pauses::add);

    @Test
    void readsRepeatWithGrowingPausesUntilNothingRuns() {
        kapso.reads.add(Optional.empty()); // Kapso may not show a new execution at once
        kapso.reads.add(Optional.of(read("running", "ask", "t1")));
        kapso.reads.add(Optional.of(read("running", "ask", "t1")));
        kapso.reads.add(Optional.of(read("waiting", "day", "t2", "Hi Ana")));

        Execution execution = runtime.startApiCall("booking", null, Map.of("name", "Ana"), null);

        assertThat(kapso.calls.get(0))
                .isEqualTo("start w1 {\"phone_number\":\"+15550001111\",\"variables\":{\"name\":\"Ana\"}}");
        assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(execution.currentNode()).contains("day");
        assertThat(execution.messages()).extracting(Message::text).containsExactly("Hi Ana");
        assertThat(execution.variable("name").asText()).isEqualTo("Ana");
    }

    @Test
    void aResumeCountsOnlyOnceKapsoShowsItTaken() {
        kapso.reads.add(Optional.of(read("waiting", "day", "t2", "Hi Ana")));
        Execution execution = runtime.startApiCall("booking", null, Map.of(), null);
        kapso.reads.clear();
        kapso.reads.add(Optional.of(read("waiting", "day", "t2", "Hi Ana"))); // not taken yet
        kapso.reads.add(Optional.of(read("ended", "done", "t3", "Hi Ana", "Booked")));
        pauses.clear();

        runtime.userMessage(execution, "Monday");

        assertThat(kapso.calls).contains("resume e1 \"Monday\"");
        assertThat(pauses).hasSize(1);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.ENDED);
        assertThat(execution.messages()).extracting(Message::text).containsExactly("Hi Ana", "Booked");
    }

    @Test
    void anExecutionThatNeverSettlesIsGivenUpOnWithTheReason() {
        kapso.reads.add(Optional.of(read("running", "slow-webhook", "t1")));
        LiveRuntime impatient =
                new LiveRuntime(kapso, Map.of("booking", "w1"), "+1555", Duration.ZERO).pause(pauses::add);

        assertThatThrownBy(() -> impatient.startApiCall("booking", null, Map.of(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("execution e1 of workflow 'booking' still runs after 0 s; raise kapso.test.timeout if"
                        + " the workflow is slow");
    }

    @Test
    void whatALiveProjectCannotDoIsRefusedSayingSo() {
        assertThatThrownBy(() -> runtime.startInbound("booking", "hi", "+1555"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("only scenarios started by the API");
        assertThat(LiveRuntime.messageText(
                        Json.object().set("message", Json.object().put("body", "Hi"))))
                .contains("Hi");
    }
}
