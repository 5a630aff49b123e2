package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.Workflow;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scenarios that try to break the runtime end in a diagnostic or a failed execution, never a crash or a hang. */
@Timeout(30)
class HostileScenarioTest {

    @Test
    void anUnknownWorkflowIsNamedWithTheOnesThatExist() {
        assertThatThrownBy(() -> Conversation.of(ConversationTest.project(ConversationTest.ORDER_STATUS), "orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the project has no workflow 'orders'");
    }

    @Test
    void aLoopMeantToRunAMillionStepsStopsAtTheBudget() {
        Workflow loop = Kapso.workflow("spin")
                .onApiCall()
                .start()
                .setVariable("tick", "n", "1", ValueType.NUMBER)
                .goTo("tick")
                .build();
        Simulator simulator = new Simulator(ConversationTest.project(loop), new Scenario(), 1_000_000);

        Execution execution = simulator.startApiCall("spin", Map.of(), Map.of());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.failure()).hasValueSatisfying(f -> assertThat(f).contains("more than 1000000 steps"));
    }

    @Test
    void anEdgeToANodeThatDoesNotExistFailsTheExecution() {
        Workflow dangling = Kapso.workflow("dangling")
                .onApiCall()
                .start()
                .sendText("hi", "Hi")
                .goTo("nowhere")
                .build();

        Conversation.of(ConversationTest.project(dangling), "dangling")
                .startedByApi(Map.of(), Map.of())
                .expectText("Hi")
                .expectFailed("the workflow has no node 'nowhere'");
    }

    @Test
    void aMissingNextEdgeFallsBackToTheFirstCondition() {
        Conversation.of(ConversationTest.project(ConversationTest.ORDER_STATUS), "order-status")
                .function("lookup-order")
                .returns(FunctionAnswer.nextEdge(null))
                .user("hi")
                .user("A-1")
                .expectText(Text.contains("What is your order"))
                .expectText(Text.contains("Order A-1 is"));
    }

    @Test
    void aHugeMessageIsCarriedThrough() {
        String huge = "x".repeat(5_000_000);
        Conversation conversation = Conversation.of(
                        ConversationTest.project(ConversationTest.ORDER_STATUS), "order-status")
                .function("lookup-order")
                .returns(FunctionAnswer.nextEdge("missing"))
                .user("hi")
                .user(huge)
                .expectText(Text.contains("What is your order"))
                .expectText(Text.contains("No order xxx"))
                .expectEnded();
        assertThat(conversation.execution().variable("order_number").asText()).hasSize(5_000_000);
    }

    @Test
    void aScenarioFolderFullOfMistakesEndsInDiagnosticsOnly(@org.junit.jupiter.api.io.TempDir Path tests)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(tests.resolve("order-status"));
        for (String text : new String[] {"", "[]", "start: [", "start: 3\nsteps: 4", "steps: [{user: 1, after: 2}]"}) {
            java.nio.file.Files.writeString(
                    tests.resolve("order-status/case" + Math.abs(text.hashCode()) + ".yaml"), text);
        }
        Diagnostics diagnostics = new Diagnostics();

        ScenarioSuite suite =
                ScenarioSuite.run(ConversationTest.project(ConversationTest.ORDER_STATUS), tests, tests, diagnostics);

        assertThat(suite.results()).isEmpty();
        assertThat(diagnostics.sorted()).hasSizeGreaterThanOrEqualTo(5);
    }
}
