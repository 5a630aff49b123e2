package io.kapsocode.apply;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowStatus;
import java.util.List;
import java.util.Map;

/**
 * A small project that touches every kind of write apply makes: a function (code, deploy), a published
 * WhatsApp flow, two workflows where one calls the other, triggers and an active status. Each knob
 * changes what one write step sends.
 */
public record SampleProject(
        String greeting, String code, String screenTitle, boolean apiTrigger, WorkflowStatus status) {

    public static final String NUMBER = "1145171692021464";

    public static final SampleProject DEFAULT = new SampleProject(
            "Hi!",
            "async function handler(request, env) { return new Response('{}'); }",
            "Sign up",
            false,
            WorkflowStatus.ACTIVE);

    SampleProject greeting(String value) {
        return new SampleProject(value, code, screenTitle, apiTrigger, status);
    }

    SampleProject code(String value) {
        return new SampleProject(greeting, value, screenTitle, apiTrigger, status);
    }

    SampleProject screenTitle(String value) {
        return new SampleProject(greeting, code, value, apiTrigger, status);
    }

    SampleProject apiTrigger(boolean value) {
        return new SampleProject(greeting, code, screenTitle, value, status);
    }

    SampleProject status(WorkflowStatus value) {
        return new SampleProject(greeting, code, screenTitle, apiTrigger, value);
    }

    public Project build() {
        Workflow billing = Kapso.workflow("billing")
                .name("Billing")
                .onApiCall()
                .start()
                .function("lookup", "lookup-order", f -> f.saveResponseTo("order"))
                .sendText("answer", "Your order is {{vars.order.status}}")
                .build();
        var support = Kapso.workflow("support")
                .name("Support")
                .description("Routes questions")
                .status(status)
                .onInboundMessage(NUMBER);
        if (apiTrigger) {
            support.onApiCall();
        }
        Workflow supportWorkflow = support.start()
                .sendText("greet", greeting)
                .waitForResponse("ask", w -> w.timeoutSeconds(3600).saveResponseTo("topic"))
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .when("billing")
                                .goTo("to_billing")
                                .when("signup")
                                .goTo("form")
                                .when("other")
                                .goTo("helper"))
                .call("to_billing", "billing")
                .end()
                .sendFlow("form", "Sign up here", "signup", "Open", s -> {})
                .end()
                .agent(
                        "helper",
                        a -> a.model("gpt-5-mini")
                                .systemPrompt("Help kindly.")
                                .defaultTools("complete_task", "handoff_to_human")
                                .functionTool("order", "Looks up an order", "lookup-order", Map.of("type", "object")))
                .build();
        return new Project(
                List.of(supportWorkflow, billing),
                List.of(Kapso.function("lookup-order")
                        .name("Lookup order")
                        .code(code)
                        .build()),
                List.of(Kapso.whatsappFlow("signup")
                        .phoneNumberId(NUMBER)
                        .flowJson(Json.tryParse("{\"version\":\"7.3\",\"screens\":[{\"id\":\"WELCOME\",\"title\":\""
                                        + screenTitle
                                        + "\",\"terminal\":true,\"layout\":{\"type\":\"SingleColumnLayout\","
                                        + "\"children\":[{\"type\":\"Footer\",\"label\":\"Done\","
                                        + "\"on-click-action\":{\"name\":\"complete\",\"payload\":{}}}]}}]}")
                                .orElseThrow())
                        .publish(true)
                        .build()));
    }
}
