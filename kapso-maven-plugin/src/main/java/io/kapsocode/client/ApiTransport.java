package io.kapsocode.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Sends one API call, with the rules every call shares: the key header, JSON in and out, timeouts,
 * retries with backoff and {@code Retry-After}, pacing by the rate-limit headers, and one place that
 * turns failures into {@link KapsoApiException}s whose messages say what was being done.
 *
 * <p>A call that changes state (POST, PATCH) is repeated only when Kapso certainly did not apply it: a
 * 429, or a connection that was never made. Any other failure of such a call ends in
 * {@link Kind#OUTCOME_UNKNOWN}, so that the caller reads the resource back instead of writing twice.
 */
public final class ApiTransport {

    private final java.util.concurrent.ConcurrentHashMap<String, Integer> sent =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");

    private final ClientSettings settings;
    private final HttpClient http;
    private final Redactor redactor;
    private final RateLimitPacer pacer = new RateLimitPacer();

    public ApiTransport(ClientSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.redactor = new Redactor(settings.apiKey());
    }

    /** Masks secrets; the client registers function secret values here before sending them. */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * One call.
     *
     * @param operation what is being done, for messages: "updating workflow 'order-status'"
     * @param method GET, POST, PUT, PATCH or DELETE
     * @param path the path under the base URL, starting with {@code /}
     * @param query query parameters, sent in the given order; null values are left out
     * @param body the JSON body, or null
     * @return the response body, or a {@link NullNode} for an empty one (204)
     */
    /** Requests sent so far, by method (every attempt counts): reports show a plan wrote nothing. */
    public Map<String, Integer> requestCounts() {
        return Map.copyOf(sent);
    }

    public JsonNode call(String operation, String method, String path, Map<String, ?> query, JsonNode body) {
        boolean idempotent = IDEMPOTENT.contains(method);
        HttpRequest request = request(method, path, query, body);
        String target = method + " " + request.uri().getRawPath();
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            pause(pacer.take(), "pacing by the rate limit before " + target);
            sent.merge(method, 1, Integer::sum);
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // refused: the request never reached Kapso, so even a write is safe to repeat
                boolean neverSent = e instanceof ConnectException;
                String what = describe(e);
                if (!idempotent && !neverSent) {
                    throw failure(
                            Kind.OUTCOME_UNKNOWN,
                            0,
                            operation + " got no answer (" + what + "): Kapso may or"
                                    + " may not have applied it, so it was not sent again; run kapso:plan to see the"
                                    + " current state",
                            e);
                }
                if (attempt >= retry.maxAttempts()) {
                    throw failure(
                            Kind.UNREACHABLE,
                            0,
                            operation + " failed: no answer from " + settings.baseUri()
                                    + " after " + attempt + " attempts (" + what + "); check the base URL and the"
                                    + " network",
                            e);
                }
                Duration wait = retry.backoff(attempt);
                retrying(target, wait, what, attempt + 1, retry.maxAttempts());
                pause(wait, target);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(
                        idempotent ? Kind.UNREACHABLE : Kind.OUTCOME_UNKNOWN, 0, operation + " was interrupted", e);
            }
            pacer.observe(response.headers());
            int status = response.statusCode();
            debug(target + " -> " + status + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
            if (status >= 200 && status < 300) {
                return parse(operation, status, response.body());
            }
            if (RetryPolicy.retryableStatus(status)) {
                if (!idempotent && status != 429) {
                    throw failure(
                            Kind.OUTCOME_UNKNOWN,
                            status,
                            operation + " got " + status + " ("
                                    + ErrorBodies.message(response.body())
                                    + "): a gateway error leaves it unknown whether"
                                    + " Kapso applied it, so it was not sent again; run kapso:plan to see the current state",
                            null);
                }
                Optional<Duration> retryAfter = retry.retryAfter(response.headers());
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    throw failure(
                            KapsoApiException.kindOf(status),
                            status,
                            operation + " failed: Kapso answered "
                                    + status + " and asks to wait "
                                    + retryAfter.get().toSeconds() + " s, longer than the "
                                    + retry.maxRetryAfter().toSeconds() + " s this run waits; try again later",
                            null);
                }
                if (attempt < retry.maxAttempts()) {
                    int tried = attempt;
                    Duration wait = retryAfter.orElseGet(() -> retry.backoff(tried));
                    retrying(target, wait, "HTTP " + status, attempt + 1, retry.maxAttempts());
                    pause(wait, target);
                    continue;
                }
            }
            throw failure(
                    KapsoApiException.kindOf(status),
                    status,
                    operation + " failed: Kapso answered " + status + " " + ErrorBodies.message(response.body())
                            + hint(status, attempt),
                    null);
        }
    }

    private HttpRequest request(String method, String path, Map<String, ?> query, JsonNode body) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        if (query != null) {
            query.forEach((name, value) -> {
                if (value != null) {
                    parameters.add(encode(name) + "=" + encode(String.valueOf(value)));
                }
            });
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUri() + path + parameters))
                .timeout(settings.requestTimeout())
                .header("X-API-Key", settings.apiKey().reveal())
                .header("Accept", "application/json")
                .header("User-Agent", "kapso-as-code");
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private JsonNode parse(String operation, int status, String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        return Json.tryParse(body)
                .orElseThrow(() -> failure(
                        Kind.MALFORMED_RESPONSE,
                        status,
                        operation + ": Kapso answered " + status + " with a body that is not JSON: "
                                + ErrorBodies.abbreviate(body.strip()),
                        null));
    }

    private String hint(int status, int attempts) {
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        return tries
                + switch (status) {
                    case 401, 403 ->
                        "; check the API key (KAPSO_API_KEY or the settings.xml <server>; this one is "
                                + settings.apiKey() + ") and that it belongs to the intended project";
                    case 404 -> "; it may have been deleted in Kapso: run kapso:plan again";
                    case 409 -> "; someone changed it since it was read: run kapso:plan again and review";
                    case 429 -> "; Kapso's rate limit: try again later";
                    default -> "";
                };
    }

    private KapsoApiException failure(Kind kind, int status, String message, Throwable cause) {
        String safe = redactor.redact(message);
        settings.log().debug(safe);
        // the cause's own message may quote the request: keep only its type
        Throwable safeCause =
                cause == null ? null : new IOException(cause.getClass().getSimpleName());
        return new KapsoApiException(kind, status, safe, safeCause);
    }

    private void pause(Duration wait, String before) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KapsoApiException(Kind.UNREACHABLE, 0, "interrupted while waiting before " + before, e);
        }
    }

    /** One line a retry, so that a slow or failing Kapso never means seconds of silence. */
    private void retrying(String target, Duration wait, String why, int attempt, int attempts) {
        settings.log()
                .warn(redactor.redact(String.format(
                        java.util.Locale.ROOT,
                        "%s: retrying in %.1f s (%s), attempt %d of %d",
                        target,
                        wait.toMillis() / 1000.0,
                        why,
                        attempt,
                        attempts)));
    }

    private void debug(String message) {
        settings.log().debug(redactor.redact(message));
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        // a reset, an early close, an EOF: for the caller they all mean the same
        return "the connection broke before Kapso answered";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
