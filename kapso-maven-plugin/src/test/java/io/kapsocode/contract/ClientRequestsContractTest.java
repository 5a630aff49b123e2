package io.kapsocode.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.WhatsappEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request the client sends, recorded by WireMock, is checked against Kapso's published OpenAPI
 * spec: the operation exists, and the body conforms to its request schema.
 */
class ClientRequestsContractTest {

    @RegisterExtension
    static WireMockExtension kapso = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static OpenApiContract contract;

    @BeforeAll
    static void loadSpec() {
        contract = OpenApiContract.workflowsSpec().orElse(null);
        assumeTrue(contract != null, "Kapso's OpenAPI spec is not at " + OpenApiContract.DIRECTORY.toAbsolutePath());
    }

    @Test
    void everyRequestTheClientSendsConformsToTheSpec() {
        kapso.stubFor(any(anyUrl()).willReturn(okJson("{\"data\": {\"id\": \"x1\", \"status\": \"deployed\"}}")));
        kapso.stubFor(get(urlPathMatching(".*/(workflows|functions|triggers)$")).willReturn(okJson("{\"data\": []}")));
        kapso.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathMatching(".*/triggers$"))
                .willReturn(okJson("{\"data\": []}")));
        kapso.stubFor(get(urlPathMatching(".*/functions/f1$"))
                .inScenario("deploy")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"data\": {\"id\": \"f1\", \"status\": \"draft\"}}")));
        kapso.stubFor(post(urlPathMatching(".*/functions/f1/deploy$"))
                .inScenario("deploy")
                .willReturn(aResponse().withStatus(202).withBody("{\"message\": \"Function deployment initiated\"}"))
                .willSetStateTo("deployed"));
        kapso.stubFor(get(urlPathMatching(".*/functions/f1$"))
                .inScenario("deploy")
                .whenScenarioStateIs("deployed")
                .willReturn(okJson("{\"data\": {\"id\": \"f1\", \"status\": \"deployed\", \"version\": 1}}")));
        kapso.stubFor(get(urlPathMatching(".*/executions$"))
                .willReturn(okJson("{\"data\": [], \"paging\": {\"next\": null}}")));
        KapsoClient client = new KapsoClient(
                ClientSettings.of(URI.create(kapso.baseUrl() + "/platform/v1"), ApiKey.of("kp_contract_test_key"))
                        .withRetry(RetryPolicy.none(), d -> {}));

        CompiledWorkflow compiled = WorkflowCompiler.compile(Kapso.workflow("contract-check")
                .name("Contract check")
                .description("Every node type whose config needs no remote id.")
                .onInboundMessage("1145171692021464")
                .onApiCall()
                .onWhatsappEvent(WhatsappEvent.CONVERSATION_ENDED)
                .start()
                .sendText("greet", "Hello!")
                .waitForResponse("wait", w -> w.timeoutSeconds(600).saveResponseTo("answer"))
                .setVariable("remember", "answer_seen", true, io.kapsocode.model.ValueType.BOOLEAN)
                .emitEvent("track", "conversation.answered")
                .handoff("human")
                .build());

        client.listWorkflows();
        client.getWorkflow("w1");
        client.getWorkflowDefinition("w1");
        ObjectNode create = compiled.metadata().deepCopy();
        create.remove(List.of("status", "message_debounce_seconds", "inbound_message_read_mode"));
        create.set("definition", compiled.definition());
        client.createWorkflow(create);
        ObjectNode update = compiled.metadata().deepCopy();
        update.put("lock_version", 3);
        update.set("definition", compiled.definition());
        client.updateWorkflow("w1", "contract-check", update);
        client.listExecutions("w1", Map.of("status", "waiting"));
        client.listTriggers("w1");
        client.replaceTriggers("w1", "contract-check", compiled.triggers());
        client.createTrigger("w1", (ObjectNode) compiled.triggers().get(0));
        client.setTriggerActive("t1", false);
        client.deleteTrigger("t1");
        client.listFunctions();
        client.getFunction("f1");
        client.createFunction(Json.object()
                .put("name", "Notify")
                .put("slug", "notify")
                .put("code", "async function handler(request, env) { return new Response('ok'); }")
                .put("function_type", "cloudflare_worker"));
        client.updateFunction(
                "f1",
                "notify",
                Json.object().put("code", "async function handler() {}").put("lock_version", 2));
        client.deployFunction("f1", "notify", Duration.ZERO, Duration.ofSeconds(5));
        client.setSecret("f1", "notify", "SLACK_TOKEN", "xoxb-contract-value");

        List<String> problems = new ArrayList<>();
        List<ServeEvent> events = kapso.getAllServeEvents();
        for (ServeEvent event : events) {
            var request = event.getRequest();
            String body = request.getBodyAsString();
            JsonNode json =
                    body == null || body.isEmpty() ? null : Json.tryParse(body).orElseThrow();
            problems.addAll(contract.checkRequest(
                    request.getMethod().getName(), URI.create(request.getUrl()).getPath(), json));
        }
        assertThat(events).hasSize(19);
        assertThat(problems).isEmpty();
    }

    @Test
    void aRequestThatBreaksTheSpecIsCaught() {
        JsonNode misspelt =
                Json.tryParse("{\"workflow\": {\"nmae\": \"Order status\"}}").orElseThrow();
        assertThat(contract.checkRequest("POST", "/platform/v1/workflows", misspelt))
                .isNotEmpty();
        assertThat(contract.checkRequest("DELETE", "/platform/v1/workflows/w1", null))
                .containsExactly("DELETE /platform/v1/workflows/w1 is not an operation of the spec");
        assertThat(contract.checkRequest("POST", "/platform/v1/functions/f1/deploy", Json.object()))
                .singleElement()
                .asString()
                .contains("takes no body");
    }
}
