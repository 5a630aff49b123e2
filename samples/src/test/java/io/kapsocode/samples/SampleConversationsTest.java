package io.kapsocode.samples;

import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.simulator.AgentTurn;
import io.kapsocode.simulator.Conversation;
import io.kapsocode.simulator.FlowRun;
import io.kapsocode.simulator.FunctionAnswer;
import io.kapsocode.simulator.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample workflows behave: one conversation per path through each of them. */
class SampleConversationsTest {

    static final Project PROJECT = new ProjectLoader(Path.of("src", "main", "kapso"), Path.of("."))
            .load(new Project(new SupportWorkflows().workflows(), List.of(), List.of()))
            .project();

    @Test
    void aKnownOrderIsTracked() {
        Conversation.of(PROJECT, "order-status")
                .user("hi")
                .expectText("Hi! What is your order number?")
                .user("A-17")
                .function("lookup-order")
                .returns(FunctionAnswer.nextEdge("found").withVars(Map.of("order", Map.of("tracking_code", "T-9"))))
                .webhook("tracking", Map.of("status", "in transit"))
                .expectText("Order A-17 is in transit.")
                .expectEnded();
    }

    @Test
    void anUnknownOrderIsExplained() {
        Conversation.of(PROJECT, "order-status")
                .user("hi")
                .user("Z-0")
                .function("lookup-order")
                .returns(FunctionAnswer.nextEdge("missing"))
                .expectText("Hi! What is your order number?")
                .expectText(Text.contains("I could not find order Z-0"))
                .expectEnded();
    }

    @Test
    void theReminderIsAnsweredAndConfirmed() {
        Conversation.of(PROJECT, "appointment-reminder")
                .startedByApi(
                        Map.of("customer_name", "Ana", "appointment_time", "10:30", "phone", "+5491100"), Map.of())
                .expectMessage(
                        "remind",
                        m -> m.payload().path("parameters").path("2").asText().equals("10:30")
                                && m.payload().path("to_phone_number").asText().equals("+5491100"))
                .expectWaitingAt("answer")
                .after(Duration.ofHours(1))
                .expectWaitingAt("answer")
                .user("yes")
                .expectText("Thanks, Ana! See you soon.")
                .expectEnded();
    }

    @Test
    void aBillingQuestionGoesToTheBillingAgent() {
        Conversation.of(PROJECT, "customer-support")
                .aiPicks("route", "billing")
                .agent("billing_agent", AgentTurn.reply("Your refund is on its way."), AgentTurn.complete())
                .user("hello")
                .expectText("Hi! I'm the Acme assistant. What can I help you with?")
                .user("where is my refund?")
                .expectText("Your refund is on its way.")
                .expectEnded();
    }

    @Test
    void aCustomerWhoAsksForAPersonIsHandedOff() {
        Conversation.of(PROJECT, "customer-support")
                .user("hello")
                .user("I want to talk to a human")
                .expectText(Text.contains("What can I help you with?"))
                .expectHandoff();
    }

    @Test
    void theSignupFlowCompletesWithTheNameTheCustomerTyped() {
        FlowRun.of(PROJECT, "signup")
                .open()
                .expectScreen("WELCOME")
                .fill("full_name", "Ana Silva")
                .tap("Done")
                .expectCompleted(Map.of("full_name", "Ana Silva"));
    }
}
