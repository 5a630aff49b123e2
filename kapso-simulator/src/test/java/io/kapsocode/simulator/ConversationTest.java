package io.kapsocode.simulator;

import static io.kapsocode.simulator.FunctionAnswer.nextEdge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.Project;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.WhatsappEvent;
import io.kapsocode.model.Workflow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each node type and trigger type behaves as Kapso documents it (contract §B, §D). */
class ConversationTest {

    static final String NUMBER = "1145171692021464";

    static Project project(Workflow... workflows) {
        return new Project(List.of(workflows), List.of(), List.of());
    }

    static final Workflow ORDER_STATUS = Kapso.workflow("order-status")
            .onInboundMessage(NUMBER)
            .start()
            .sendText("ask", "What is your order number, {{ context.phone_number }}?")
            .waitForResponse("number", w -> w.saveResponseTo("order_number"))
            .decide(
                    "lookup",
                    d -> d.function("lookup-order")
                            .when("found")
                            .goTo("status")
                            .when("missing")
                            .goTo("sorry"))
            .sendText("status", "Order {{vars.order_number}} is {{vars.order.status}}: on its way!")
            .end()
            .sendText("sorry", "No order {{vars.order_number}}.")
            .build();

    @Test
    void anInboundMessageStartsItAndAFunctionDecidesTheBranch() {
        Conversation.of(project(ORDER_STATUS), "order-status")
                .user("hi")
                .expectText("What is your order number, " + NUMBER + "?")
                .expectWaitingAt("number")
                .user("A-17")
                .function("lookup-order")
                .returns(nextEdge("found").withVars(Map.of("order", Map.of("status", "shipped"))))
                .expectText(Text.contains("on its way"))
                .expectVariable("order_number", "A-17")
                .expectVariable("last_user_input", "A-17")
                .expectVariable("order.status", "shipped")
                .expectEnded();
    }

    @Test
    void theFunctionReceivesTheContextAndTheConditionLabels() {
        AtomicReference<String> request = new AtomicReference<>();
        Conversation.of(project(ORDER_STATUS), "order-status")
                .functionCode((slug, body) -> {
                    request.set(slug + " " + body);
                    return nextEdge("missing");
                })
                .user("hi")
                .user("B-2")
                .expectText("What is your order number, " + NUMBER + "?")
                .expectText("No order B-2.")
                .expectEnded();

        assertThat(request.get())
                .startsWith("lookup-order ")
                .contains("\"available_edges\":[\"found\",\"missing\"]")
                .contains("\"order_number\":\"B-2\"")
                .contains("\"flow_info\":{\"id\":\"order-status\"");
    }

    @Test
    void anUnknownNextEdgeFallsBackToTheFirstCondition() {
        Conversation.of(project(ORDER_STATUS), "order-status")
                .function("lookup-order")
                .returns(nextEdge("no-such-label"))
                .user("hi")
                .user("C-3")
                .expectText(Text.contains("What is your order"))
                .expectText(Text.contains("Order C-3 is"))
                .expectEnded();
    }

    @Test
    void aFunctionWithoutAnAnswerFailsTheExecutionWithTheFix() {
        assertThatThrownBy(() -> Conversation.of(project(ORDER_STATUS), "order-status")
                        .user("hi")
                        .user("D-4")
                        .expectText(Text.contains("What is"))
                        .expectEnded())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected the execution to be ended, but it is failed at node 'lookup'")
                .hasMessageContaining("function 'lookup-order' has no answer: stub it")
                .hasMessageContaining("  user: hi")
                .hasMessageContaining("  bot [order-status/ask] What is your order number");
    }

    @Test
    void aWaitThatTimesOutResumesWithTheReasonAndWritesNoInput() {
        Workflow reminder = Kapso.workflow("reminder")
                .onApiCall()
                .start()
                .sendText("ask", "Still there?")
                .waitForResponse("wait", w -> w.timeoutSeconds(300).saveResponseTo("answer"))
                .sendText("after", "Resumed by {{system.last_resume.reason}}.")
                .build();

        Conversation timedOut = Conversation.of(project(reminder), "reminder")
                .startedByApi(Map.of(), Map.of())
                .expectText("Still there?")
                .after(Duration.ofSeconds(299))
                .expectWaitingAt("wait")
                .after(Duration.ofSeconds(1))
                .expectText("Resumed by timeout.")
                .expectEnded();
        assertThat(timedOut.execution().variable("answer").isMissingNode()).isTrue();

        Conversation.of(project(reminder), "reminder")
                .startedByApi(Map.of(), Map.of())
                .user("yes")
                .expectText("Still there?")
                .expectText("Resumed by user_input.")
                .expectVariable("answer", "yes");
    }

    @Test
    void anAiDecisionFollowsTheScenarioOrTheDefaultRule() {
        Workflow route = Kapso.workflow("route")
                .onInboundMessage(NUMBER)
                .start()
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .when("sales")
                                .goTo("sales")
                                .when("billing")
                                .goTo("billing"))
                .sendText("sales", "Sales here.")
                .end()
                .sendText("billing", "Billing here.")
                .build();

        Conversation.of(project(route), "route")
                .aiPicks("route", "billing")
                .user("hello")
                .expectText("Billing here.");
        Conversation.of(project(route), "route").user("a BILLING question").expectText("Billing here.");
        Conversation.of(project(route), "route").user("anything").expectText("Sales here.");
    }

    @Test
    void setVariableStoresTypedValuesAndRendersStrings() {
        Workflow vars = Kapso.workflow("vars")
                .onApiCall()
                .start()
                .setVariable("count", "count", "{{vars.n}}", ValueType.NUMBER)
                .setVariable("flag", "flag", "t", ValueType.BOOLEAN)
                .setVariable("obj", "obj", "{\"a\": 1}", ValueType.JSON)
                .setVariable("name", "name", "Hi {{vars.who}}", ValueType.STRING)
                .build();

        Conversation.of(project(vars), "vars")
                .startedByApi(Map.of("n", 3, "who", "Ana"), Map.of())
                .expectEnded()
                .expectVariable("count", 3)
                .expectVariable("flag", true)
                .expectVariable("obj", Map.of("a", 1))
                .expectVariable("name", "Hi Ana");
    }

    @Test
    void aCallRunsTheCalleeWithCopiesAndMergesItsVarsBack() {
        Workflow parent = Kapso.workflow("parent")
                .onInboundMessage(NUMBER)
                .start()
                .setVariable("seed", "seed", "from parent", ValueType.STRING)
                .call("child", "child")
                .sendText("after", "Child said {{vars.answer}}, seed {{vars.seed}}.")
                .build();
        Workflow child = Kapso.workflow("child")
                .onApiCall()
                .start()
                .sendText("ask", "Child asks, knowing {{vars.seed}}")
                .waitForResponse("wait", w -> w.saveResponseTo("answer"))
                .build();

        Conversation.of(project(parent, child), "parent")
                .user("start")
                .expectText("Child asks, knowing from parent")
                .expectWaitingAt("wait")
                .user("42")
                .expectText("Child said 42, seed from parent.")
                .expectEnded();
    }

    @Test
    void aFailingCalleeLeavesItsErrorInSaveErrorTo() {
        Workflow parent = Kapso.workflow("parent")
                .onApiCall()
                .start()
                .call("child", "broken", c -> c.saveErrorTo("oops"))
                .sendText("after", "Recovered.")
                .build();
        Workflow broken = Kapso.workflow("broken")
                .onApiCall()
                .start()
                .function("f", "no-such-stub")
                .build();

        Conversation conversation = Conversation.of(project(parent, broken), "parent")
                .startedByApi(Map.of(), Map.of())
                .expectText("Recovered.")
                .expectEnded();
        assertThat(conversation.execution().variable("oops").path("error").asText())
                .contains("function 'no-such-stub' has no answer");
    }

    @Test
    void handoffStopsAndEmitEventIsRecorded() {
        Workflow escalate = Kapso.workflow("escalate")
                .onWhatsappEvent(WhatsappEvent.CONVERSATION_ENDED, NUMBER)
                .start()
                .emitEvent("note", "conversation.escalated", e -> e.property("channel", "{{context.channel}}"))
                .handoff("human", h -> h.reason("needs a person"))
                .build();

        Conversation conversation = Conversation.of(project(escalate), "escalate")
                .startedByWhatsappEvent("whatsapp.conversation.ended", Map.of())
                .expectEvent("conversation.escalated")
                .expectHandoff();
        assertThat(conversation
                        .execution()
                        .emittedEvents()
                        .get(0)
                        .path("properties")
                        .path("channel")
                        .asText())
                .isEqualTo("whatsapp");
    }

    @Test
    void aProjectEventStartedWorkflowCannotEmitEvents() {
        Workflow echo = Kapso.workflow("echo")
                .onProjectEvent("order.placed")
                .start()
                .emitEvent("again", "order.placed")
                .build();

        Conversation.of(project(echo), "echo")
                .startedByProjectEvent("order.placed", Map.of("total", 12))
                .expectFailed("a workflow started by a project event cannot emit events");
    }

    @Test
    void anAgentPlaysItsScriptAndWaitsForTheUser() {
        Workflow help = Kapso.workflow("help")
                .onInboundMessage(NUMBER)
                .start()
                .agent(
                        "helper",
                        a -> a.model("gpt-5-mini")
                                .systemPrompt("Help.")
                                .functionTool("lookup", "Looks up an order", "lookup-order", null))
                .sendText("bye", "Bye {{vars.name}}.")
                .build();

        Conversation.of(project(help), "help")
                .agent(
                        "helper",
                        AgentTurn.reply("What is your name?"),
                        AgentTurn.waitForUser(),
                        AgentTurn.tool("lookup", Map.of("q", "x")),
                        AgentTurn.complete())
                .function("lookup-order")
                .returns(FunctionAnswer.vars(Map.of("name", "Ana")))
                .user("hi")
                .expectText("What is your name?")
                .expectWaitingAt("helper")
                .user("Ana")
                .expectText("Bye Ana.")
                .expectEnded();
    }

    @Test
    void aWebhookSendsTheRenderedRequestAndSavesTheAnswer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<String> received = new AtomicReference<>();
        server.createContext("/tickets", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"ticket\": 7}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            Workflow ticket = Kapso.workflow("ticket")
                    .onApiCall()
                    .start()
                    .webhook(
                            "crm",
                            HttpMethod.POST,
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/tickets",
                            w -> w.header("Authorization", "Bearer ${ENV:CRM_TOKEN}")
                                    .body(Map.of("customer", "{{vars.customer}}"))
                                    .saveResponseTo("crm"))
                    .sendText("done", "Ticket {{vars.crm.ticket}}.")
                    .build();

            Conversation.of(project(ticket), "ticket")
                    .env("CRM_TOKEN", "t0k")
                    .startedByApi(Map.of("customer", "Ana"), Map.of())
                    .expectText("Ticket 7.")
                    .expectEnded();
            assertThat(received.get()).isEqualTo("Bearer t0k {\"customer\":\"Ana\"}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sendTemplateAndInteractiveRecordTheirRenderedConfig() {
        Workflow offer = Kapso.workflow("offer")
                .onApiCall()
                .start()
                .sendTemplate(
                        "tpl", "2f8c9a1e-0000-4000-8000-000000000001", t -> t.parameters(Map.of("1", "{{vars.name}}")))
                .sendButtons(
                        "pick",
                        "Pick one, {{vars.name}}",
                        b -> b.button("a", "A").button("b", "B"))
                .build();

        Conversation conversation = Conversation.of(project(offer), "offer")
                .startedByApi(Map.of("name", "Ana"), Map.of())
                .expectMessage(
                        "tpl",
                        m -> m.payload().path("parameters").path("1").asText().equals("Ana"))
                .expectText("Pick one, Ana")
                .expectEnded();
        assertThat(conversation
                        .execution()
                        .messages()
                        .get(1)
                        .payload()
                        .path("buttons")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void anUnknownVariableRendersAsNothingAndIsReported() {
        Workflow hello = Kapso.workflow("hello")
                .onApiCall()
                .start()
                .sendText("hi", "Hi {{vars.nobody}}!")
                .build();

        Conversation conversation = Conversation.of(project(hello), "hello")
                .startedByApi(Map.of(), Map.of())
                .expectText("Hi !");
        assertThat(conversation.transcript()).contains("! [hello/hi] vars.nobody is not set; it renders as nothing");
    }

    @Test
    void aLoopWithoutAWaitFailsAfterTheStepBudget() {
        Workflow loop = Kapso.workflow("loop")
                .onApiCall()
                .start()
                .setVariable("a", "x", "1", ValueType.NUMBER)
                .setVariable("b", "y", "2", ValueType.NUMBER)
                .goTo("a")
                .build();

        Conversation.of(project(loop), "loop")
                .startedByApi(Map.of(), Map.of())
                .expectFailed("more than 10000 steps without waiting for the user");
    }
}
