package io.kapsocode.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kapsocode.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything the client logs (debug included) and every exception it throws, with its stack trace and
 * causes, is scanned for the API key and a function secret value, even when Kapso echoes them back.
 */
class SecretLeakTest {

    static final String KEY = "kp_live_LEAKCHECK_7f3a9b2c";
    static final String SECRET = "sk-shop-LEAKCHECK-91d2e8";

    @RegisterExtension
    static WireMockExtension kapso = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void neitherTheKeyNorASecretValueAppearsInLogsOrExceptions() {
        List<String> written = new ArrayList<>();
        ClientSettings settings = settings("/platform/v1", written);
        KapsoClient client = new KapsoClient(settings);
        kapso.stubFor(post("/platform/v1/functions/f1/secrets")
                .willReturn(aResponse()
                        .withStatus(422)
                        .withBody("{\"error\": \"value " + SECRET + " rejected for key " + KEY + "\"}")));
        kapso.stubFor(get("/platform/v1/workflows")
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"bad key " + KEY + "\"}")));
        kapso.stubFor(get("/platform/v1/functions").willReturn(okJson("{\"unexpected\": \"" + KEY + "\"}")));

        List<Runnable> calls = List.of(
                () -> client.setSecret("f1", "notify", "SHOP_API_TOKEN", SECRET),
                client::listWorkflows,
                client::listFunctions,
                () -> client.createWorkflow(Json.object().put("name", "x")));
        runCollectingTraces(calls, written);
        written.add(settings.toString());
        written.add(settings.apiKey().toString());

        assertThat(written).isNotEmpty();
        assertThat(String.join("\n", written))
                .doesNotContain(KEY)
                .doesNotContain(SECRET)
                .contains("****");
    }

    @Test
    void theLegacyClientLeaksNeitherTheKeyEvenWhenItsErrorsEchoIt() {
        List<String> written = new ArrayList<>();
        ClientSettings settings = settings("/api/v1", written);
        LegacyFlowsClient client = new LegacyFlowsClient(settings, java.util.Map.of());
        kapso.stubFor(get("/api/v1/flows")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\": \"Invalid or missing API key\", \"status\": 401,"
                                + " \"message\": \"key " + KEY + " is unknown\"}")));
        kapso.stubFor(post("/api/v1/flows")
                .willReturn(aResponse().withStatus(422).withBody("{\"errors\": {\"name\": [\"" + KEY + "\"]}}")));

        runCollectingTraces(
                List.of(
                        client::listWorkflows,
                        () -> client.createWorkflow(Json.object().put("name", "x"))),
                written);

        assertThat(written).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", written)).doesNotContain(KEY).contains("****");
    }

    private static ClientSettings settings(String root, List<String> written) {
        return ClientSettings.of(URI.create(kapso.baseUrl() + root), ApiKey.of(KEY))
                .withRetry(RetryPolicy.none(), d -> {})
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withLog(new CollectingLog(written));
    }

    /** Runs each call; an exception's whole trace, causes included, joins what is scanned. */
    private static void runCollectingTraces(List<Runnable> calls, List<String> written) {
        for (Runnable call : calls) {
            try {
                call.run();
            } catch (RuntimeException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                written.add(trace.toString());
            }
        }
    }
}
