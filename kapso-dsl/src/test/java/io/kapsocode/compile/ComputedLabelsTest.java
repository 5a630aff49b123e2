package io.kapsocode.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ComputedLabelsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "start             | Start",
                "send_text         | Send Text Message",
                "wait_for_response | Wait for Response",
                "wait_for_response | Wait for Response (300s timeout)",
                "wait_for_response | Wait for Response (21600s timeout)",
                "decide            | Decision: Function",
                "decide            | Decision: AI",
                "function          | Function",
                "function          | Function: Compute Estimate",
                "set_variable      | Set Variable: asked",
                "agent             | AI Agent",
                "webhook           | Webhook",
                "handoff           | Handoff",
                "send_template     | Send Template Message",
                "call              | Call Workflow",
            })
    void kapsosOwnLabelsAreComputed(String nodeType, String label) {
        assertThat(ComputedLabels.isComputed(nodeType, config(), label)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "send_text         | Greeting",
                "send_text         | Start",
                "wait_for_response | Wait for Response (soon)",
                "set_variable      | Set Variable: other",
                "decide            | Decision: Routing",
                "agent             | Billing agent",
            })
    void authorsLabelsAreKept(String nodeType, String label) {
        assertThat(ComputedLabels.isComputed(nodeType, config(), label)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.kapsocode.codec.NodeTypes#nodeTypeNames")
    void whatKapsoComputesIsRecognisedForEveryNodeType(String nodeType) {
        ObjectNode config = config().put("has_timeout", true).put("timeout_seconds", 600);
        String label = ComputedLabels.compute(nodeType, config, "compute estimate");

        assertThat(ComputedLabels.isComputed(nodeType, config, label)).as(label).isTrue();
    }

    private static ObjectNode config() {
        return Json.object().put("variable_name", "asked").put("event_name", "order.placed");
    }
}
