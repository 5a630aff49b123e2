package io.kapsocode.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy flows API client against WireMock on a random loopback port, with the shapes of Kapso's
 * legacy OpenAPI description: every endpoint the tool uses, its statuses and its error bodies.
 */
class LegacyFlowsClientHttpTest {

    static final String KEY = "kp_legacy_0123456789abcdef-SECRET";

    @RegisterExtension
    static WireMockExtension kapso = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final List<Duration> slept = new ArrayList<>();
    final List<String> logged = new ArrayList<>();
    LegacyFlowsClient client;

    @BeforeEach
    void setUp() {
        client = new LegacyFlowsClient(settings(), Map.of("Order status", "order-status"));
    }

    ClientSettings settings() {
        RetryPolicy retry = new RetryPolicy(
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(8),
                Duration.ofSeconds(60),
                new Random(42),
                Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
        return ClientSettings.of(URI.create(kapso.baseUrl() + "/api/v1"), ApiKey.of(KEY))
                .withRetry(retry, slept::add)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withLog(new CollectingLog(logged));
    }

    static String path(String path) {
        return "/api/v1" + path;
    }

    static String flow(String id, String name, String status) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"description\": null, \"status\": \"" + status
                + "\", \"project_id\": \"p1\", \"created_at\": \"2026-01-02T10:00:00Z\","
                + " \"updated_at\": \"2026-01-03T10:00:00Z\", \"created_by\": {\"id\": \"u1\", \"name\": \"Ana\"},"
                + " \"last_executed_at\": null, \"execution_count\": 12}";
    }

    @Test
    void flowsAreListedOnceAndGetTheSlugOfTheSourceThatClaimsTheirName() {
        kapso.stubFor(get(path("/flows"))
                .willReturn(okJson("{\"data\": [" + flow("f1", "Order status", "active") + ", "
                        + flow("f2", "Ventas Bot (v2)", "draft") + "]}")));

        List<ObjectNode> workflows = client.listWorkflows();

        assertThat(workflows).extracting(w -> w.path("slug").asText()).containsExactly("order-status", "ventas-bot-v2");
        assertThat(workflows.get(0).path("status").asText()).isEqualTo("active");
        assertThat(workflows.get(0).has("lock_version")).isFalse();
        kapso.verify(1, getRequestedFor(urlPathEqualTo(path("/flows"))).withHeader("X-API-Key", equalTo(KEY)));
        assertThat(logged).noneMatch(line -> line.contains("pagination"));
    }

    @Test
    void twoFlowsWithTheNameASourceClaimsAreAnErrorNamingBothIds() {
        kapso.stubFor(get(path("/flows"))
                .willReturn(okJson("{\"data\": [" + flow("f1", "Order status", "active") + ", "
                        + flow("f9", "Order status", "draft") + ", " + flow("f3", "Other", "draft") + ", "
                        + flow("f4", "Other", "draft") + "]}")));

        assertThatThrownBy(client::listWorkflows)
                .isInstanceOf(KapsoApiException.class)
                .hasMessageContaining("'Order status' (f1, f9)")
                .hasMessageContaining("settings.legacy_name")
                .hasMessageNotContaining("Other");
    }

    @Test
    void unclaimedFlowsSharingANameGetDistinctSlugsForAPull() {
        client = new LegacyFlowsClient(settings(), Map.of());
        kapso.stubFor(get(path("/flows"))
                .willReturn(okJson("{\"data\": [" + flow("a1b2c3d4e5", "Support", "draft") + ", "
                        + flow("ffee0011aa", "Support", "draft") + "]}")));

        assertThat(client.listWorkflows())
                .extracting(w -> w.path("slug").asText())
                .containsExactly("support", "support-ffee0011");
    }

    @Test
    void aListOfARoundSizeIsWarnedAsPossiblyCapped() {
        StringBuilder flows = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            flows.append(i == 0 ? "" : ", ").append(flow("f" + i, "Flow " + i, "draft"));
        }
        kapso.stubFor(get(path("/flows")).willReturn(okJson("{\"data\": [" + flows + "]}")));

        assertThat(client.listWorkflows()).hasSize(100);
        assertThat(logged)
                .anySatisfy(
                        line -> assertThat(line).contains("exactly 100 flows").contains("no pagination"));
    }

    @Test
    void aDefinitionInCamelCaseIsReadAsSnakeCaseAndSnakeCaseStaysAsItIs() {
        kapso.stubFor(
                get(path("/flows/f1/definition"))
                        .willReturn(
                                okJson(
                                        "{\"data\": {\"id\": \"f1\", \"name\": \"Order status\", \"status\": \"draft\","
                                                + " \"definition\": {\"nodes\": ["
                                                + "{\"id\": \"start\", \"type\": \"flow-node\", \"position\": {\"x\": 0, \"y\": 0},"
                                                + " \"data\": {\"nodeType\": \"start\", \"config\": {}, \"displayName\": \"Start\"}},"
                                                + "{\"id\": \"hi\", \"type\": \"flow-node\", \"position\": {\"x\": 0, \"y\": 100},"
                                                + " \"data\": {\"node_type\": \"send_text\", \"config\": {\"message\": \"Hi\"},"
                                                + " \"display_name\": \"Hi\"}}],"
                                                + " \"edges\": [{\"id\": \"e1\", \"source\": \"start\", \"target\": \"hi\", \"label\": \"next\","
                                                + " \"type\": \"default\", \"flow_condition_id\": null}]},"
                                                + " \"whatsapp_configs\": [{\"id\": \"wc1\", \"name\": \"Main\", \"phone_number\": \"+15550001\"}]}}")));

        ObjectNode flow = client.getWorkflowDefinition("f1");

        assertThat(flow.path("slug").asText()).isEqualTo("order-status");
        assertThat(flow.at("/definition/nodes/0/data"))
                .isEqualTo(Json.tryParse("{\"node_type\": \"start\", \"config\": {}, \"display_name\": \"Start\"}")
                        .orElseThrow());
        assertThat(flow.at("/definition/nodes/1/data/node_type").asText()).isEqualTo("send_text");
        assertThat(flow.at("/definition/edges/0/label").asText()).isEqualTo("next");
    }

    @Test
    void aFlowIsCreatedWithTheFlowEnvelopeAndUpdatedWithoutLockVersionSlugOrSettings() {
        kapso.stubFor(post(path("/flows"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": " + flow("f7", "Order status", "draft") + "}")));
        kapso.stubFor(
                patch(path("/flows/f7")).willReturn(okJson("{\"data\": " + flow("f7", "Order status", "draft") + "}")));

        ObjectNode created = client.createWorkflow(Json.object()
                .put("name", "Order status")
                .put("slug", "order-status")
                .put("description", "Where is it"));
        ObjectNode changes =
                Json.object().put("name", "Order status").put("lock_version", 3).put("slug", "order-status");
        changes.put("message_debounce_seconds", 4);
        changes.putObject("definition").putArray("nodes");
        client.updateWorkflow("f7", "order-status", changes);

        assertThat(created.path("slug").asText()).isEqualTo("order-status");
        kapso.verify(postRequestedFor(urlPathEqualTo(path("/flows")))
                .withRequestBody(
                        equalToJson("{\"flow\": {\"name\": \"Order status\", \"description\": \"Where is it\"}}")));
        kapso.verify(patchRequestedFor(urlPathEqualTo(path("/flows/f7")))
                .withRequestBody(
                        equalToJson("{\"flow\": {\"name\": \"Order status\", \"definition\": {\"nodes\": []}}}")));
        assertThatThrownBy(() -> client.updateWorkflow(
                        "f7", "order-status", Json.object().put("status", "active")))
                .hasMessageContaining("cannot change a flow's status");
    }

    @Test
    void eachErrorBodyShapeGivesItsMessage() {
        kapso.stubFor(get(path("/flows/missing"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Not found\", \"status\": 404, \"message\": \"Flow not found\"}")));
        kapso.stubFor(patch(path("/flows/f1"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\": {\"name\": [\"can't be blank\", \"is too short\"]}}")));
        kapso.stubFor(post(path("/flows/f1/executions"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Flow is not active\", \"details\": \"Flow must be in active status"
                                + " and have an active API trigger\"}")));
        kapso.stubFor(get(path("/flows"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid or missing API key\"}")));

        assertThatThrownBy(() -> client.getWorkflow("missing"))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("Flow not found");
        assertThatThrownBy(() -> client.updateWorkflow(
                        "f1", "order-status", Json.object().put("name", "")))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessageContaining("name can't be blank, is too short");
        assertThatThrownBy(() -> client.startExecution(
                        "f1", "order-status", Json.object().put("phone_number", "+1555")))
                .hasMessageContaining("Flow is not active")
                .hasMessageContaining("must be in active status");
        assertThatThrownBy(client::listWorkflows)
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION))
                .hasMessageNotContaining(KEY);
    }

    @Test
    void a429WithTheLegacyHeadersIsRetriedAfterItsRetryAfter() {
        kapso.stubFor(get(path("/flows"))
                .inScenario("limited")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("Retry-After", "60")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Rate limit exceeded\", \"message\": \"100 requests per minute\"}"))
                .willSetStateTo("free"));
        kapso.stubFor(get(path("/flows"))
                .inScenario("limited")
                .whenScenarioStateIs("free")
                .willReturn(okJson("{\"data\": []}")));

        assertThat(client.listWorkflows()).isEmpty();
        assertThat(slept).contains(Duration.ofSeconds(60));
    }

    @Test
    void triggersAreReadByWhatsappConfigAndWrittenOneByOneNeverTwoActiveInboundOnOneNumber() {
        kapso.stubFor(get(path("/flows/f1/triggers"))
                .willReturn(okJson("{\"data\": ["
                        + "{\"id\": \"t1\", \"trigger_type\": \"inbound_message\", \"active\": true,"
                        + " \"whatsapp_config_id\": \"wc-old\"},"
                        + "{\"id\": \"t2\", \"trigger_type\": \"api_call\", \"active\": true},"
                        + "{\"id\": \"t3\", \"trigger_type\": \"inbound_message\", \"active\": false,"
                        + " \"whatsapp_config_id\": \"wc-main\"}]}")));
        kapso.stubFor(delete(path("/triggers/t1")).willReturn(aResponse().withStatus(204)));
        kapso.stubFor(patch(path("/triggers/t2"))
                .willReturn(okJson("{\"data\": {\"id\": \"t2\", \"trigger_type\": \"api_call\", \"active\": false}}")));
        kapso.stubFor(patch(path("/triggers/t3"))
                .willReturn(
                        okJson("{\"data\": {\"id\": \"t3\", \"trigger_type\": \"inbound_message\", \"active\": true,"
                                + " \"whatsapp_config_id\": \"wc-main\"}}")));

        ArrayNode wanted = Json.array();
        wanted.addObject()
                .put("trigger_type", "inbound_message")
                .put("phone_number_id", "wc-main")
                .put("active", true);
        wanted.addObject().put("trigger_type", "api_call").put("active", false);
        List<ObjectNode> result = client.replaceTriggers("f1", "order-status", wanted);

        assertThat(client.listTriggers("f1").get(0).path("phone_number_id").asText())
                .isEqualTo("wc-old");
        List<String> writes = kapso.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> !r.getMethod().getName().equals("GET"))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getMethod().getName() + " " + r.getUrl())
                .toList();
        assertThat(writes)
                .containsExactly(
                        "DELETE /api/v1/triggers/t1", "PATCH /api/v1/triggers/t2", "PATCH /api/v1/triggers/t3");
        kapso.verify(deleteRequestedFor(urlPathEqualTo(path("/triggers/t1"))));
        assertThat(result).extracting(t -> t.path("id").asText()).containsExactlyInAnyOrder("t2", "t3");
    }

    @Test
    void aNewInboundTriggerIsPostedWithItsWhatsappConfigAndAFailureSaysWhatWasDone() {
        kapso.stubFor(get(path("/flows/f1/triggers"))
                .willReturn(
                        okJson("{\"data\": [{\"id\": \"t1\", \"trigger_type\": \"api_call\", \"active\": true}]}")));
        kapso.stubFor(delete(path("/triggers/t1")).willReturn(aResponse().withStatus(204)));
        kapso.stubFor(post(path("/flows/f1/triggers"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Unprocessable entity\", \"status\": 422,"
                                + " \"message\": \"Whatsapp config must exist\"}")));

        ArrayNode wanted = Json.array();
        wanted.addObject()
                .put("trigger_type", "inbound_message")
                .put("phone_number_id", "wc-9")
                .put("active", true);

        assertThatThrownBy(() -> client.replaceTriggers("f1", "order-status", wanted))
                .isInstanceOf(KapsoApiException.class)
                .hasMessageContaining("done [delete api_call]")
                .hasMessageContaining("failed at 'add inbound_message on wc-9'")
                .hasMessageContaining("Whatsapp config must exist")
                .hasMessageContaining("not done []");
        kapso.verify(postRequestedFor(urlPathEqualTo(path("/flows/f1/triggers")))
                .withRequestBody(equalToJson("{\"trigger\": {\"trigger_type\": \"inbound_message\", \"active\": true,"
                        + " \"whatsapp_config_id\": \"wc-9\"}}")));
    }

    @Test
    void executionsAreFilteredByTheNumberedStatusAndStartedAndResumedInTheLegacyShapes() {
        kapso.stubFor(get(urlPathEqualTo(path("/flows/f1/executions")))
                .willReturn(okJson("{\"data\": [{\"id\": \"x1\", \"status\": 1, \"current_step\": \"ask\"}]}")));
        kapso.stubFor(
                post(path("/flows/f1/executions"))
                        .willReturn(
                                aResponse()
                                        .withStatus(202)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"flow_id\": \"f1\", \"tracking_id\": \"tr1\", \"message\": \"Flow execution queued\"}")));
        kapso.stubFor(post(path("/flow_executions/x1/resume"))
                .willReturn(okJson("{\"data\": {\"id\": \"x1\", \"status\": \"running\"}}")));
        kapso.stubFor(
                get(path("/flow_executions/x1")).willReturn(okJson("{\"data\": {\"id\": \"x1\", \"status\": 2}}")));

        assertThat(client.listExecutions("f1", Map.of("status", "waiting")))
                .extracting(e -> e.path("status").asText())
                .containsExactly("waiting");
        assertThat(kapso.findAll(getRequestedFor(urlPathEqualTo(path("/flows/f1/executions")))))
                .singleElement()
                .satisfies(
                        r -> assertThat(java.net.URLDecoder.decode(r.getUrl(), java.nio.charset.StandardCharsets.UTF_8))
                                .endsWith("?q[status_eq]=1"));
        assertThat(client.startExecution("f1", "order-status", Json.object().put("phone_number", "+15550001"))
                        .path("workflow_id")
                        .asText())
                .isEqualTo("f1");
        client.resumeExecution("x1", Json.text("yes"));
        kapso.verify(postRequestedFor(urlPathEqualTo(path("/flow_executions/x1/resume")))
                .withRequestBody(equalToJson("{\"input\": \"yes\"}")));
        assertThat(client.getExecution("x1").path("status").asText()).isEqualTo("ended");
    }

    @Test
    void whatTheLegacyApiLacksIsEmptyToReadAndRefusedToWrite() {
        assertThat(client.api()).isEqualTo(ApiKind.LEGACY);
        assertThat(client.listWhatsappFlows()).isEmpty();
        assertThat(client.listProviderModels()).isEmpty();
        assertThatThrownBy(() -> client.createWhatsappFlow(Json.object()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no WhatsApp flows")
                .hasMessageContaining("kapso.api=platform");
        assertThat(kapso.getAllServeEvents()).isEmpty();
    }

    static String function(String id, String name, String slug, String status, int version) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"slug\": \"" + slug + "\", \"code\": \"x\","
                + " \"function_type\": \"cloudflare_worker\", \"version\": " + version + ", \"status\": \"" + status
                + "\", \"last_deployed_at\": null, \"runtime_config\": null}";
    }

    @Test
    void functionsAreKnownByNameWrittenWithoutSlugUpdatedWithPutDeployedAndGivenSecrets() {
        client = new LegacyFlowsClient(settings(), Map.of(), Map.of("Notify team", "notify"));
        kapso.stubFor(get(path("/functions"))
                .willReturn(
                        okJson("{\"data\": [" + function("fn1", "Notify team", "notify-team", "deployed", 1) + "]}")));
        kapso.stubFor(post(path("/functions"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": " + function("fn2", "Shop", "shop", "draft", 0) + "}")));
        kapso.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(path("/functions/fn1"))
                .willReturn(
                        okJson("{\"data\": " + function("fn1", "Notify team", "notify-team", "deployed", 1) + "}")));
        kapso.stubFor(post(path("/functions/fn1/deploy"))
                .willReturn(okJson(
                        "{\"message\": \"Deployment started\", \"function_id\": \"fn1\", \"status\": \"deployed\"}")));
        kapso.stubFor(get(path("/functions/fn1"))
                .inScenario("deploy")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson("{\"data\": " + function("fn1", "Notify team", "notify-team", "deployed", 1) + "}"))
                .willSetStateTo("deploying"));
        kapso.stubFor(get(path("/functions/fn1"))
                .inScenario("deploy")
                .whenScenarioStateIs("deploying")
                .willReturn(
                        okJson("{\"data\": " + function("fn1", "Notify team", "notify-team", "deployed", 2) + "}")));
        kapso.stubFor(get(path("/functions/fn1/secrets"))
                .willReturn(okJson("{\"data\": {\"secrets\": [{\"name\": \"API_KEY\", \"type\": \"secret_text\"}]}}")));
        kapso.stubFor(post(path("/functions/fn1/secrets"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"message\": \"Secret created successfully\"}}")));

        assertThat(client.listFunctions())
                .extracting(f -> f.path("slug").asText())
                .containsExactly("notify");
        ObjectNode created = client.createFunction(Json.object()
                .put("slug", "shop")
                .put("name", "Shop")
                .put("code", "x")
                .put("public_endpoint", true));
        client.updateFunction(
                "fn1",
                "notify",
                Json.object().put("code", "y").put("lock_version", 2).put("invoke_response_mode", "passthrough"));
        ObjectNode deployed = client.deployFunction("fn1", "notify", Duration.ZERO, Duration.ofSeconds(5));
        client.setSecret("fn1", "notify", "API_KEY", "sk-legacy-secret-value");

        assertThat(created.path("slug").asText()).isEqualTo("shop");
        assertThat(deployed.path("version").asInt()).isEqualTo(2);
        assertThat(client.listSecretNames("fn1")).containsExactly("API_KEY");
        kapso.verify(postRequestedFor(urlPathEqualTo(path("/functions")))
                .withRequestBody(equalToJson("{\"function\": {\"name\": \"Shop\", \"code\": \"x\"}}")));
        kapso.verify(
                com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlPathEqualTo(path("/functions/fn1")))
                        .withRequestBody(equalToJson("{\"function\": {\"code\": \"y\"}}")));
        kapso.verify(postRequestedFor(urlPathEqualTo(path("/functions/fn1/secrets")))
                .withRequestBody(
                        equalToJson("{\"secret\": {\"name\": \"API_KEY\", \"value\": \"sk-legacy-secret-value\"}}")));
    }

    /** One legacy endpoint: how the client calls it, and the error statuses the legacy description lists. */
    record Endpoint(
            String method, String path, List<Integer> statuses, java.util.function.Consumer<LegacyFlowsClient> call) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/flows", List.of(401), LegacyFlowsClient::listWorkflows),
                new Endpoint(
                        "POST",
                        "/flows",
                        List.of(401, 422),
                        c -> c.createWorkflow(Json.object().put("name", "A"))),
                new Endpoint("GET", "/flows/f1", List.of(401, 404), c -> c.getWorkflow("f1")),
                new Endpoint(
                        "PATCH",
                        "/flows/f1",
                        List.of(401, 404, 422),
                        c -> c.updateWorkflow("f1", "a", Json.object().put("name", "A"))),
                new Endpoint("GET", "/flows/f1/definition", List.of(401, 404), c -> c.getWorkflowDefinition("f1")),
                new Endpoint("GET", "/flows/f1/executions", List.of(401, 404), c -> c.listExecutions("f1", Map.of())),
                new Endpoint(
                        "POST",
                        "/flows/f1/executions",
                        List.of(401, 404, 422),
                        c -> c.startExecution("f1", "a", Json.object().put("phone_number", "+15550001"))),
                new Endpoint("GET", "/flow_executions/x1", List.of(401, 404), c -> c.getExecution("x1")),
                new Endpoint(
                        "POST",
                        "/flow_executions/x1/resume",
                        List.of(401, 404, 422),
                        c -> c.resumeExecution("x1", Json.text("yes"))),
                new Endpoint("GET", "/flows/f1/triggers", List.of(401, 404), c -> c.listTriggers("f1")),
                new Endpoint(
                        "POST",
                        "/flows/f1/triggers",
                        List.of(401, 404, 422),
                        c -> c.createTrigger("f1", Json.object().put("trigger_type", "api_call"))),
                new Endpoint("PATCH", "/triggers/t1", List.of(401, 404, 422), c -> c.setTriggerActive("t1", false)),
                new Endpoint("DELETE", "/triggers/t1", List.of(401, 404), c -> c.deleteTrigger("t1")),
                new Endpoint("GET", "/functions", List.of(401), LegacyFlowsClient::listFunctions),
                new Endpoint(
                        "POST",
                        "/functions",
                        List.of(401, 422),
                        c -> c.createFunction(Json.object().put("name", "A").put("code", "x"))),
                new Endpoint("GET", "/functions/fn1", List.of(401, 404), c -> c.getFunction("fn1")),
                new Endpoint(
                        "PUT",
                        "/functions/fn1",
                        List.of(401, 404, 422),
                        c -> c.updateFunction("fn1", "a", Json.object().put("code", "x"))),
                new Endpoint("DELETE", "/functions/fn1", List.of(401, 404), c -> c.deleteFunction("fn1", "a")),
                new Endpoint("GET", "/functions/fn1/secrets", List.of(401, 404), c -> c.listSecretNames("fn1")),
                new Endpoint(
                        "POST",
                        "/functions/fn1/secrets",
                        List.of(401, 404, 422),
                        c -> c.setSecret("fn1", "a", "API_KEY", "value")));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> endpointStatuses() {
        return endpoints().stream()
                .flatMap(e -> e.statuses().stream().map(s -> org.junit.jupiter.params.provider.Arguments.of(e, s)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} answering {1}")
    @org.junit.jupiter.params.provider.MethodSource("endpointStatuses")
    void everyEndpointsDocumentedErrorIsItsKindWithKapsosMessage(Endpoint endpoint, int status) {
        kapso.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(
                        endpoint.method(), urlPathEqualTo(path(endpoint.path())))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Refused\", \"status\": " + status
                                + ", \"message\": \"the legacy API says no (" + status + ")\"}")));
        Kind expected = status == 401 ? Kind.AUTHENTICATION : status == 404 ? Kind.NOT_FOUND : Kind.INVALID;

        assertThatThrownBy(() -> endpoint.call().accept(client))
                .isInstanceOfSatisfying(KapsoApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(expected);
                    assertThat(e.status()).contains(status);
                })
                .hasMessageContaining("the legacy API says no (" + status + ")")
                .hasMessageNotContaining(KEY);
        kapso.verify(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.newRequestPattern(
                        com.github.tomakehurst.wiremock.http.RequestMethod.fromString(endpoint.method()),
                        urlPathEqualTo(path(endpoint.path())))
                .withHeader("X-API-Key", equalTo(KEY)));
    }
}
