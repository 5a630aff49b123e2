package io.kapsocode.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against WireMock on a random loopback port: statuses, retries, pagination, faults. */
class KapsoClientHttpTest {

    static final String KEY = "kp_live_0123456789abcdef-SECRET";
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @RegisterExtension
    static WireMockExtension kapso = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final List<Duration> slept = new ArrayList<>();
    final List<String> logged = new ArrayList<>();
    KapsoClient client;

    @BeforeEach
    void setUp() {
        client = new KapsoClient(settings(5, Duration.ofSeconds(5)));
    }

    ClientSettings settings(int attempts, Duration requestTimeout) {
        RetryPolicy retry = new RetryPolicy(
                attempts,
                Duration.ofMillis(500),
                Duration.ofSeconds(8),
                Duration.ofSeconds(60),
                new Random(42),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return ClientSettings.of(URI.create(kapso.baseUrl() + "/platform/v1"), ApiKey.of(KEY))
                .withRetry(retry, slept::add)
                .withTimeouts(Duration.ofSeconds(2), requestTimeout)
                .withLog(new CollectingLog(logged));
    }

    static String path(String path) {
        return "/platform/v1" + path;
    }

    @Test
    void sendsTheKeyAndTheEnvelopeAndUnwrapsData() {
        kapso.stubFor(post(path("/workflows"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"id\": \"w1\", \"slug\": \"order-status\", \"lock_version\": 1}}")));

        ObjectNode created =
                client.createWorkflow(Json.object().put("name", "Order status").put("slug", "order-status"));

        assertThat(created.path("id").asText()).isEqualTo("w1");
        kapso.verify(postRequestedFor(urlPathEqualTo(path("/workflows")))
                .withHeader("X-API-Key", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                        equalToJson("{\"workflow\": {\"name\": \"Order status\", \"slug\": \"order-status\"}}")));
    }

    @Test
    void eachErrorStatusBecomesItsKindWithTheOperationAndKapsosMessage() {
        record Case(int status, String body, Kind kind, String message) {}
        List<Case> cases = List.of(
                new Case(401, "{\"error\": \"Invalid API key\"}", Kind.AUTHENTICATION, "Invalid API key"),
                new Case(403, "", Kind.AUTHENTICATION, "no error message (empty body)"),
                new Case(404, "{\"error\": \"Workflow not found\"}", Kind.NOT_FOUND, "Workflow not found"),
                new Case(
                        409, "{\"error\": {\"message\": \"Stale lock_version\"}}", Kind.CONFLICT, "Stale lock_version"),
                new Case(422, "", Kind.INVALID, "no error message (empty body)"),
                new Case(
                        422,
                        "{\"error\": \"Invalid\", \"validation_errors\": [\"screen X missing\"]}",
                        Kind.INVALID,
                        "Invalid; screen X missing"),
                new Case(400, "<html>Bad Request</html>", Kind.INVALID, "a non-JSON body: <html>Bad Request</html>"),
                new Case(500, "{\"error\": \"boom\", \"detail\": \"stack\"}", Kind.SERVER_ERROR, "boom; stack"));
        for (Case c : cases) {
            kapso.resetAll();
            kapso.stubFor(patch(path("/workflows/w1"))
                    .willReturn(aResponse().withStatus(c.status()).withBody(c.body())));
            assertThatThrownBy(() -> client.updateWorkflow(
                            "w1", "order-status", Json.object().put("lock_version", 3)))
                    .as("status %s", c.status())
                    .isInstanceOfSatisfying(KapsoApiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(c.kind());
                        assertThat(e.status()).contains(c.status());
                        assertThat(e.getMessage())
                                .startsWith("updating workflow 'order-status' ")
                                .contains(c.message())
                                .doesNotContain(KEY);
                    });
        }
    }

    @Test
    void authenticationFailuresSayWhereTheKeyComesFromWithoutShowingIt() {
        kapso.stubFor(
                get(path("/workflows")).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"nope\"}")));
        assertThatThrownBy(client::listWorkflows)
                .hasMessageContaining("KAPSO_API_KEY")
                .hasMessageContaining(ApiKey.of(KEY).fingerprint())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void a429IsRetriedAfterTheDelayKapsoAsksFor() {
        kapso.stubFor(get(path("/functions"))
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
                .willSetStateTo("open"));
        kapso.stubFor(get(path("/functions"))
                .inScenario("limited")
                .whenScenarioStateIs("open")
                .willReturn(okJson("{\"data\": [{\"id\": \"f1\"}]}")));

        assertThat(client.listFunctions()).hasSize(1);
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
        // a user sees each wait as it starts: no silent seconds
        assertThat(logged).contains("WARN GET /platform/v1/functions: retrying in 7.0 s (HTTP 429), attempt 2 of 5");
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(3), ZoneOffset.UTC));
        kapso.stubFor(get(path("/functions"))
                .inScenario("date")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", inThreeSeconds))
                .willSetStateTo("up"));
        kapso.stubFor(get(path("/functions"))
                .inScenario("date")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{\"data\": []}")));

        assertThat(client.listFunctions()).isEmpty();
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterLongerThanTheRunWaitsFailsAtOnce() {
        kapso.stubFor(
                get(path("/functions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        assertThatThrownBy(client::listFunctions)
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
                .hasMessageContaining("asks to wait 3600 s");
        assertThat(slept).isEmpty();
    }

    @Test
    void gatewayErrorsOnReadsBackOffExponentiallyThenFail() {
        kapso.stubFor(get(path("/workflows")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(client::listWorkflows)
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR))
                .hasMessageContaining("after 5 attempts");
        kapso.verify(5, getRequestedFor(urlPathEqualTo(path("/workflows"))));
        assertThat(slept).hasSize(4);
        long[] caps = {500, 1000, 2000, 4000};
        for (int i = 0; i < caps.length; i++) {
            assertThat(slept.get(i).toMillis()).as("wait %s", i).isBetween(0L, caps[i]);
        }
    }

    @Test
    void aWriteThatMayHaveBeenAppliedIsNeverSentTwice() {
        kapso.stubFor(patch(path("/workflows/w1")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.updateWorkflow("w1", "order-status", Json.object()))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN))
                .hasMessageContaining("run kapso:plan");
        kapso.verify(
                1,
                com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                        urlPathEqualTo(path("/workflows/w1"))));
    }

    @Test
    void aRateLimitedWriteIsRetriedBecauseKapsoDidNotApplyIt() {
        kapso.stubFor(post(path("/workflows"))
                .inScenario("w")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        kapso.stubFor(post(path("/workflows"))
                .inScenario("w")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody("{\"data\": {\"id\": \"w2\"}}")));

        assertThat(client.createWorkflow(Json.object().put("name", "X"))
                        .path("id")
                        .asText())
                .isEqualTo("w2");
        kapso.verify(2, postRequestedFor(urlPathEqualTo(path("/workflows"))));
    }

    @Test
    void aResetConnectionOnAReadIsRetried() {
        kapso.stubFor(get(path("/workflows/w1"))
                .inScenario("reset")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("fine"));
        kapso.stubFor(get(path("/workflows/w1"))
                .inScenario("reset")
                .whenScenarioStateIs("fine")
                .willReturn(okJson("{\"data\": {\"id\": \"w1\"}}")));

        assertThat(client.getWorkflow("w1").path("id").asText()).isEqualTo("w1");
        // the JDK client may itself retry a reset GET once; either way the read succeeds
        assertThat(kapso.findAll(getRequestedFor(urlPathEqualTo(path("/workflows/w1")))))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aResetConnectionOnAWriteIsReportedAsUnknownOutcome() {
        kapso.stubFor(post(path("/workflows")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client.createWorkflow(Json.object().put("name", "X")))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
        kapso.verify(1, postRequestedFor(urlPathEqualTo(path("/workflows"))));
    }

    @Test
    void aSlowServerTimesOut() {
        KapsoClient impatient = new KapsoClient(settings(2, Duration.ofMillis(200)));
        kapso.stubFor(
                get(path("/workflows")).willReturn(okJson("{\"data\": []}").withFixedDelay(1_000)));
        assertThatThrownBy(impatient::listWorkflows)
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessageContaining("timed out");
    }

    @Test
    void garbageInsteadOfJsonIsAMalformedResponse() {
        kapso.stubFor(get(path("/workflows/w1"))
                .willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
        kapso.stubFor(get(path("/workflows")).willReturn(okJson("{\"data\": 5}")));
        kapso.stubFor(get(path("/functions")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> client.getWorkflow("w1"))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        assertThatThrownBy(client::listWorkflows).hasMessageContaining("expected a list under 'data'");
        assertThatThrownBy(client::listFunctions)
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    }

    @Test
    void aClosedPortIsUnreachableAndEvenAWriteMayBeRetriedAsNothingWasSent() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        KapsoClient nowhere = new KapsoClient(new ClientSettings(
                URI.create("http://127.0.0.1:" + closed + "/platform/v1"),
                ApiKey.of(KEY),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                settings(3, Duration.ofSeconds(1)).retry(),
                slept::add,
                ClientLog.SILENT));
        assertThatThrownBy(() -> nowhere.createWorkflow(Json.object().put("name", "X")))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessageContaining("connection refused")
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void listsWithoutPaginationComeInOneCall() {
        kapso.stubFor(get(path("/workflows/w1/triggers"))
                .willReturn(okJson("{\"data\": [{\"id\": \"t1\"}, {\"id\": \"t2\"}]}")));
        assertThat(client.listTriggers("w1"))
                .extracting(t -> t.path("id").asText())
                .containsExactly("t1", "t2");
    }

    @Test
    void pageBasedListsAreReadToTheLastPage() {
        for (int page = 1; page <= 3; page++) {
            kapso.stubFor(get(urlPathEqualTo(path("/whatsapp/flows")))
                    .withQueryParam("page", equalTo(String.valueOf(page)))
                    .withQueryParam("per_page", equalTo("100"))
                    .willReturn(okJson("{\"data\": [{\"id\": \"flow" + page + "\"}], \"meta\": {\"page\": " + page
                            + ", \"per_page\": 100, \"total_pages\": 3, \"total_count\": 3}}")));
        }
        assertThat(client.listWhatsappFlows())
                .extracting(f -> f.path("id").asText())
                .containsExactly("flow1", "flow2", "flow3");
        kapso.verify(3, getRequestedFor(urlPathEqualTo(path("/whatsapp/flows"))));
    }

    @Test
    void cursorListsFollowTheOpaqueCursor() {
        kapso.stubFor(get(urlPathEqualTo(path("/workflows/w1/executions")))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson("{\"data\": [{\"id\": \"e1\"}], \"paging\": {\"cursors\": {\"before\": null,"
                        + " \"after\": \"YWZ0ZXI9MQ==\"}, \"next\": \"YWZ0ZXI9MQ==\", \"previous\": null}}")));
        kapso.stubFor(get(urlPathEqualTo(path("/workflows/w1/executions")))
                .withQueryParam("after", equalTo("YWZ0ZXI9MQ=="))
                .willReturn(okJson("{\"data\": [{\"id\": \"e2\"}], \"paging\": {\"cursors\": {\"before\":"
                        + " \"YmVmb3JlPTI=\", \"after\": null}, \"next\": null, \"previous\": \"YmVmb3JlPTI=\"}}")));

        assertThat(client.listExecutions("w1", Map.of()))
                .extracting(e -> e.path("id").asText())
                .containsExactly("e1", "e2");
    }

    @Test
    void fewRemainingRequestsSlowTheNextCallDown() {
        kapso.stubFor(get(path("/functions"))
                .willReturn(okJson("{\"data\": []}")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "3")));
        client.listFunctions();
        assertThat(slept).isEmpty();
        client.listFunctions();
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void replacingTriggersSendsTheWholeSetWithPut() {
        kapso.stubFor(put(path("/workflows/w1/triggers")).willReturn(okJson("{\"data\": [{\"id\": \"t9\"}]}")));
        var triggers = Json.array();
        triggers.addObject().put("trigger_type", "api_call").put("active", true);
        assertThat(client.replaceTriggers("w1", "order-status", triggers)).hasSize(1);
        kapso.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                        urlPathEqualTo(path("/workflows/w1/triggers")))
                .withRequestBody(equalToJson("{\"triggers\": [{\"trigger_type\": \"api_call\", \"active\": true}]}")));
    }

    @Test
    void deployPollsUntilDeployed() {
        kapso.stubFor(
                post(path("/functions/f1/deploy"))
                        .willReturn(
                                aResponse()
                                        .withStatus(202)
                                        .withBody(
                                                "{\"message\": \"Function deployment initiated\", \"function_id\": \"f1\", \"status\": \"deploying\"}")));
        kapso.stubFor(get(path("/functions/f1"))
                .inScenario("deploy")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"data\": {\"id\": \"f1\", \"status\": \"deployed\", \"version\": 3}}"))
                .willSetStateTo("deploying"));
        // a function deployed before reads 'deployed' while its new deploy runs: the version tells
        kapso.stubFor(get(path("/functions/f1"))
                .inScenario("deploy")
                .whenScenarioStateIs("deploying")
                .willReturn(okJson("{\"data\": {\"id\": \"f1\", \"status\": \"deployed\", \"version\": 3}}"))
                .willSetStateTo("done"));
        kapso.stubFor(get(path("/functions/f1"))
                .inScenario("deploy")
                .whenScenarioStateIs("done")
                .willReturn(okJson("{\"data\": {\"id\": \"f1\", \"status\": \"deployed\", \"version\": 4}}")));

        ObjectNode deployed = client.deployFunction("f1", "notify", Duration.ofSeconds(2), Duration.ofMinutes(2));

        assertThat(deployed.path("version").asInt()).isEqualTo(4);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aDeployThatEndsInErrorSaysSo() {
        kapso.stubFor(post(path("/functions/f1/deploy"))
                .willReturn(aResponse().withStatus(202).withBody("{}")));
        kapso.stubFor(
                get(path("/functions/f1")).willReturn(okJson("{\"data\": {\"id\": \"f1\", \"status\": \"error\"}}")));
        assertThatThrownBy(() -> client.deployFunction("f1", "notify", Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("deploying function 'notify' failed");
    }
}
