package io.kapsocode.samples;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.KapsoDefinitions;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowStatus;
import java.util.List;
import java.util.Map;

/**
 * The support workflow, written in Java: an AI decision routes each question to a specialised agent
 * or to a person. The plugin finds this class through
 * {@code META-INF/services/io.kapsocode.dsl.KapsoDefinitions}.
 */
public final class SupportWorkflows implements KapsoDefinitions {

    /** The WhatsApp number customers write to. */
    static final String SUPPORT_NUMBER = "1145171692021464";

    @Override
    public List<Workflow> workflows() {
        return List.of(support());
    }

    static Workflow support() {
        return Kapso.workflow("customer-support")
                .name("Customer support")
                .description("Routes every question to the billing agent, the order agent or a person.")
                .status(WorkflowStatus.ACTIVE)
                .onInboundMessage(SUPPORT_NUMBER)
                .start()
                .sendText("welcome", "Hi! I'm the Acme assistant. What can I help you with?")
                .waitForResponse("question", w -> w.timeoutSeconds(86_400).saveResponseTo("question"))
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .temperature(0.1)
                                .when("billing")
                                .describedAs("Invoices, refunds, payment methods")
                                .goTo("billing_agent")
                                .when("orders")
                                .describedAs("Where an order is, delivery dates, returns")
                                .goTo("orders_agent")
                                .when("human")
                                .describedAs("Anything else, or the customer asks for a person")
                                .goTo("handoff"))
                .agent(
                        "billing_agent",
                        a -> a.model("gpt-5-mini")
                                .systemPrompt("You answer questions about Acme invoices and refunds. Be brief and kind."
                                        + " Hand the conversation to a person for any refund above 100 EUR.")
                                .defaultTools("send_notification_to_user", "complete_task", "handoff_to_human")
                                .knowledgeBase(
                                        "refund-policy",
                                        "Acme's refund policy",
                                        "Refunds are possible within 30 days of delivery. Shipping is refunded only"
                                                + " for damaged items."))
                .end()
                .agent(
                        "orders_agent",
                        a -> a.model("gpt-5-mini")
                                .systemPrompt("You tell customers where their Acme order is. Ask for the order number.")
                                .defaultTools("send_notification_to_user", "complete_task", "handoff_to_human")
                                .functionTool(
                                        "lookup_order",
                                        "Finds an order by its number",
                                        "lookup-order",
                                        Map.of(
                                                "type", "object",
                                                "properties", Map.of("order_number", Map.of("type", "string")),
                                                "required", List.of("order_number"))))
                .end()
                .handoff("handoff")
                .build();
    }
}
