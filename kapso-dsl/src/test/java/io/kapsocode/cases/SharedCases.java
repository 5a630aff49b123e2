package io.kapsocode.cases;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.ComparisonOperator;
import io.kapsocode.model.HeaderType;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.InboundMessageReadMode;
import io.kapsocode.model.MessageDeliveryMode;
import io.kapsocode.model.ObserverPromptMode;
import io.kapsocode.model.PromptCacheTtl;
import io.kapsocode.model.RepositoryAuthType;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.WhatsappEvent;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.model.node.AgentWebhookTool;
import io.kapsocode.model.trigger.ApiCallTrigger;
import io.kapsocode.model.trigger.InboundMessageTrigger;
import io.kapsocode.model.trigger.WhatsappEventTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shared cases written in Java. Each has a twin in {@code src/test/resources/cases/<slug>.yaml};
 * both must compile to the same bytes as {@code src/test/resources/golden/<slug>.json}.
 */
public final class SharedCases {

    public static final String PHONE = "1145171692021464";

    private SharedCases() {}

    /** Every case by slug, in a stable order. */
    public static Map<String, Supplier<Workflow>> all() {
        Map<String, Supplier<Workflow>> cases = new LinkedHashMap<>();
        cases.put("hello-world", SharedCases::helloWorld);
        cases.put("order-status", SharedCases::orderStatus);
        cases.put("support-triage", SharedCases::supportTriage);
        cases.put("appointment-reminder", SharedCases::appointmentReminder);
        cases.put("button-menu", SharedCases::buttonMenu);
        cases.put("list-menu", SharedCases::listMenu);
        cases.put("cta-link", SharedCases::ctaLink);
        cases.put("flow-signup", SharedCases::flowSignup);
        cases.put("location-request", SharedCases::locationRequest);
        cases.put("csat-observer", SharedCases::csatObserver);
        cases.put("csat-escalation", SharedCases::csatEscalation);
        cases.put("vip-router", SharedCases::vipRouter);
        cases.put("ai-greeting", SharedCases::aiGreeting);
        cases.put("agent-full", SharedCases::agentFull);
        cases.put("raw-and-extras", SharedCases::rawAndExtras);
        cases.put("settings-and-inactive", SharedCases::settingsAndInactive);
        cases.put("retry-loop", SharedCases::retryLoop);
        return cases;
    }

    static Workflow helloWorld() {
        return Kapso.workflow("hello-world")
                .name("Hello world")
                .onInboundMessage(PHONE)
                .start()
                .sendText("greet", "Hello from Kapso!")
                .build();
    }

    static Workflow orderStatus() {
        return Kapso.workflow("order-status")
                .name("Order status")
                .description("Looks up an order and tells the customer where it is.")
                .status(WorkflowStatus.ACTIVE)
                .onInboundMessage(PHONE)
                .start()
                .sendText("ask_order", "Hi! What is your order number?")
                .waitForResponse("wait_order", w -> w.timeoutSeconds(900).saveResponseTo("order_number"))
                .function("lookup", "lookup-order", f -> f.saveResponseTo("order"))
                .webhook(
                        "tracking",
                        HttpMethod.GET,
                        "https://tracking.example.com/orders/{{vars.order_number}}",
                        h -> h.header("Authorization", "Bearer ${ENV:TRACKING_API_KEY}")
                                .header("Accept", "application/json")
                                .saveResponseTo("tracking"))
                .sendText(
                        "reply",
                        s -> s.message("Order {{vars.order_number}} is {{vars.tracking.status}}.")
                                .delaySeconds(2))
                .build();
    }

    static Workflow supportTriage() {
        return Kapso.workflow("support-triage")
                .name("Support triage")
                .onInboundMessage(PHONE)
                .start()
                .sendText("welcome", "Hi! How can we help you today?")
                .waitForResponse("question", w -> w.saveResponseTo("question"))
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .temperature(0.2)
                                .maxTokens(500)
                                .when("billing")
                                .describedAs("Invoices, refunds and payments")
                                .goTo("billing_agent")
                                .when("technical")
                                .describedAs("The product does not work as expected")
                                .goTo("tech_agent")
                                .when("other")
                                .goTo("human"))
                .agent(
                        "billing_agent",
                        a -> a.model("gpt-5-mini")
                                .systemPrompt("You help customers with invoices and refunds. Be brief.")
                                .defaultTools("complete_task", "handoff_to_human"))
                .goTo("thanks")
                .agent(
                        "tech_agent",
                        a -> a.model("gpt-5")
                                .systemPrompt("You troubleshoot technical problems step by step.")
                                .maxIterations(20)
                                .defaultTools("complete_task", "handoff_to_human", "get_whatsapp_context"))
                .sendText("thanks", "Thanks for reaching out!")
                .end()
                .handoff("human", h -> h.reason("Customer needs a person"))
                .build();
    }

    static Workflow appointmentReminder() {
        return Kapso.workflow("appointment-reminder")
                .name("Appointment reminder")
                .description("Started by the booking system through the API.")
                .onApiCall()
                .start()
                .sendTemplate(
                        "remind",
                        "4f6c1a9e-2b7d-4c1e-9a53-0d3b8e2f7a10",
                        t -> t.parameter("1", "{{vars.customer_name}}")
                                .parameter("2", "{{vars.appointment_time}}")
                                .phoneNumberId(PHONE))
                .waitForResponse("answer", w -> w.timeoutSeconds(86400))
                .decide(
                        "classify",
                        d -> d.function("classify-confirmation")
                                .when("confirmed")
                                .goTo("mark_confirmed")
                                .when("cancelled")
                                .goTo("mark_cancelled")
                                .when("timeout")
                                .goTo("mark_cancelled"))
                .setVariable("mark_confirmed", "appointment_status", "confirmed", ValueType.STRING)
                .goTo("notify")
                .setVariable("mark_cancelled", "appointment_status", "cancelled", ValueType.STRING)
                .function("notify", "update-booking")
                .build();
    }

    static Workflow buttonMenu() {
        return Kapso.workflow("button-menu")
                .name("Button menu")
                .onInboundMessage(PHONE)
                .start()
                .sendButtons(
                        "menu",
                        "What would you like to do?",
                        b -> b.headerText("Welcome!")
                                .footer("Reply with a button")
                                .button("track", "Track an order")
                                .button("return", "Return an item")
                                .button("human", "Talk to a person"))
                .waitForResponse("choice")
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .when("track")
                                .goTo("track_reply")
                                .when("return")
                                .goTo("return_reply")
                                .when("human")
                                .goTo("handoff"))
                .sendText("track_reply", "Send me your order number.")
                .end()
                .sendText("return_reply", "Start your return here: https://shop.example.com/returns")
                .end()
                .handoff("handoff")
                .build();
    }

    static Workflow listMenu() {
        return Kapso.workflow("list-menu")
                .name("List menu")
                .onInboundMessage(PHONE)
                .start()
                .sendList(
                        "catalog",
                        "Pick a department.",
                        "Departments",
                        l -> l.section(
                                        "Shopping",
                                        rows -> rows.row("shoes", "Shoes", "Sneakers, boots and sandals")
                                                .row("bags", "Bags"))
                                .section("Help", rows -> rows.row("faq", "FAQ", "Answers to common questions")))
                .waitForResponse("pick", w -> w.timeoutSeconds(3600).saveResponseTo("department"))
                .build();
    }

    static Workflow ctaLink() {
        return Kapso.workflow("cta-link")
                .name("Call to action link")
                .onInboundMessage(PHONE)
                .start()
                .sendCtaUrl(
                        "promo",
                        "Our summer sale is on!",
                        "Shop now",
                        "https://shop.example.com/sale",
                        c -> c.headerMedia(HeaderType.IMAGE, "https://cdn.example.com/summer-sale.jpg"))
                .build();
    }

    static Workflow flowSignup() {
        return Kapso.workflow("flow-signup")
                .name("Flow signup")
                .onInboundMessage(PHONE)
                .start()
                .sendFlow(
                        "signup",
                        "Sign up in under a minute.",
                        "signup",
                        "Sign up",
                        f -> f.flowToken("signup-{{context.conversation_id}}").navigateTo("WELCOME"))
                .waitForResponse("submitted", w -> w.saveResponseTo("signup"))
                .sendInteractive(
                        "survey",
                        io.kapsocode.model.InteractiveType.FLOW,
                        "One more thing, a short survey.",
                        s -> s.flowId("1234567890123456").flowCta("Open survey").dataExchange())
                .build();
    }

    static Workflow locationRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("latitude", "{{vars.location.latitude}}");
        body.put("longitude", "{{vars.location.longitude}}");
        body.put("limit", 3);
        return Kapso.workflow("location-request")
                .name("Location request")
                .onInboundMessage(PHONE)
                .start()
                .requestLocation("ask_location", "Share your location and we will find the nearest store.")
                .waitForResponse("location", w -> w.saveResponseTo("location"))
                .webhook(
                        "nearest",
                        HttpMethod.POST,
                        "https://stores.example.com/nearest",
                        h -> h.body(body).saveResponseTo("stores"))
                .sendText("answer", "The nearest store is {{vars.stores.0.name}}.")
                .build();
    }

    static Workflow csatObserver() {
        return Kapso.workflow("csat-observer")
                .name("CSAT observer")
                .onWhatsappEvent(WhatsappEvent.CONVERSATION_ENDED)
                .start()
                .sendText(
                        "ask_score",
                        s -> s.message("How would you rate us from 1 to 5?").toPhoneNumber("{{context.phone_number}}"))
                .waitForResponse("score", w -> w.timeoutSeconds(600).saveResponseTo("score"))
                .emitEvent(
                        "record",
                        "conversation.csat_scored",
                        e -> e.property("score", "{{vars.score}}")
                                .property("channel", "whatsapp")
                                .property("verified", true)
                                .occurredAt("{{system.now}}"))
                .build();
    }

    static Workflow csatEscalation() {
        return Kapso.workflow("csat-escalation")
                .name("CSAT escalation")
                .onProjectEvent("conversation.csat_scored", "score", ComparisonOperator.LTE, 2)
                .start()
                .handoff(
                        "escalate",
                        h -> h.reason("Low satisfaction score")
                                .contextData(Map.of("source", "csat", "priority", "high")))
                .build();
    }

    static Workflow vipRouter() {
        return Kapso.workflow("vip-router")
                .name("VIP router")
                .onInboundMessage("2233445566778899")
                .start()
                .setVariable("tag", "profile", Map.of("tier", "vip", "discount", 15), ValueType.JSON)
                .call("status", "order-status", c -> c.saveErrorTo("order_status_error"))
                .sendText("done", "Anything else we can do for you?")
                .build();
    }

    static Workflow aiGreeting() {
        return Kapso.workflow("ai-greeting")
                .name("AI greeting")
                .onInboundMessage(PHONE)
                .start()
                .sendText(
                        "greet",
                        s -> s.aiMessage("Greet the customer by name in their language.")
                                .model("gpt-5-mini"))
                .sendButtons(
                        "offer",
                        null,
                        b -> b.aiBodyText("Offer today's deal in one sentence.")
                                .button("yes", "Yes please")
                                .button("no", "No thanks")
                                .model("gpt-5-mini"))
                .build();
    }

    static Workflow agentFull() {
        Map<String, Object> inputSchema = Map.of(
                "type", "object",
                "properties", Map.of("order_number", Map.of("type", "string")),
                "required", List.of("order_number"));
        AgentWebhookTool stock = new AgentWebhookTool(
                "stock",
                "Checks stock for a product",
                "https://inventory.example.com/stock",
                HttpMethod.POST,
                Json.valueOf(Map.of("X-Api-Key", "${ENV:INVENTORY_KEY}")),
                Json.valueOf(Map.of("sku", "{{sku}}")),
                Json.valueOf(Map.of("type", "object", "properties", Map.of("sku", Map.of("type", "string")))),
                "items[0].quantity",
                null);
        return Kapso.workflow("agent-full")
                .name("Agent with every tool")
                .onInboundMessage(PHONE)
                .start()
                .agent(
                        "concierge",
                        a -> a.systemPrompt("You are the store's concierge.")
                                .model("claude-sonnet-4-5")
                                .temperature(0.3)
                                .maxIterations(40)
                                .maxTokens(4096)
                                .reasoningEffort("medium")
                                .promptCacheTtl(PromptCacheTtl.ONE_HOUR)
                                .observerPromptMode(ObserverPromptMode.ANALYSIS_ONLY)
                                .messageDeliveryMode(MessageDeliveryMode.TOOL_ONLY)
                                .defaultTools(
                                        "send_notification_to_user",
                                        "enter_waiting",
                                        "complete_task",
                                        "handoff_to_human",
                                        "emit_event")
                                .defaultToolConfigs(Map.of(
                                        "emit_event",
                                        Map.of(
                                                "event_definition_ids",
                                                List.of("7c9e6679-7425-40de-944b-e07fc1f90ae7"))))
                                .functionTool("lookup_order", "Finds an order by number", "lookup-order", inputSchema)
                                .webhookTool(stock)
                                .knowledgeBase(
                                        "policies", "Shipping and return policies", "Returns are free within 30 days.")
                                .mcpServer(
                                        "catalog",
                                        "Product catalog",
                                        "https://mcp.example.com/catalog",
                                        Map.of("Authorization", "Bearer ${ENV:CATALOG_TOKEN}"))
                                .githubRepository(
                                        "https://github.com/example/store-docs",
                                        "main",
                                        RepositoryAuthType.PUBLIC,
                                        null)
                                .sandbox("allow_list", "api.example.com")
                                .appIntegrationTool(
                                        "crm", "Legacy CRM integration", "0b6f1d2e-9c4a-4e8b-8f1a-2d3c4b5a6f70"))
                .build();
    }

    static Workflow rawAndExtras() {
        var config = Json.object();
        config.put("app_slug", "slack");
        config.put("action_id", "send-message");
        config.putObject("configured_props").put("channel", "#alerts");
        return Kapso.workflow("raw-and-extras")
                .name("Raw nodes and extras")
                .onApiCall()
                .start(10, 20)
                .raw(
                        "legacy",
                        "pipedream",
                        config,
                        r -> r.displayName("Legacy Slack step").position(300, 20))
                .sendText(
                        "note",
                        s -> s.displayName("Final note").message("Done.").rawConfig("experimental_flag", true))
                .build();
    }

    static Workflow settingsAndInactive() {
        return Kapso.workflow("settings-and-inactive")
                .name("Settings and inactive triggers")
                .description("Every trigger type, some inactive, and workflow settings.")
                .status(WorkflowStatus.ARCHIVED)
                .messageDebounceSeconds(5)
                .inboundMessageReadMode(InboundMessageReadMode.READ_ONLY)
                .trigger(new InboundMessageTrigger(PHONE, false))
                .trigger(new ApiCallTrigger(null))
                .trigger(new WhatsappEventTrigger(WhatsappEvent.MESSAGE_FAILED, PHONE, false))
                .onProjectEvent("order.shipped")
                .start()
                .sendText("hello", "Hello again.")
                .waitForResponse("bye", w -> w.timeoutSeconds(60))
                .goTo("hello")
                .build();
    }

    static Workflow retryLoop() {
        return Kapso.workflow("retry-loop")
                .name("Retry loop")
                .onWhatsappEvent(WhatsappEvent.MESSAGE_RECEIVED, PHONE)
                .start()
                .sendText("ask", "Please send a photo of the receipt.")
                .waitForResponse("receive", w -> w.timeoutSeconds(300))
                .decide(
                        "check",
                        d -> d.function("check-receipt")
                                .when("valid")
                                .goTo("thanks")
                                .when("invalid")
                                .goTo("ask"))
                .sendText("thanks", "Got it, thanks!")
                .build();
    }
}
