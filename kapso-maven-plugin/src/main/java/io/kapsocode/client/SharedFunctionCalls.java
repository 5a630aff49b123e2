package io.kapsocode.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The function calls both APIs answer alike (same paths, same bodies): delete, deploy and wait for the
 * deploy to end (Kapso deploys in the background), set a secret.
 */
final class SharedFunctionCalls {

    private SharedFunctionCalls() {}

    /** DELETE /functions/{id}: Kapso deletes its secrets with it. */
    static void delete(ApiTransport transport, String id, String slug) {
        transport.call("deleting function '" + slug + "'", "DELETE", "/functions/" + id, null, null);
    }

    /** Sets one secret; the value is registered with the redactor first, so no message can show it. */
    static void setSecret(ApiTransport transport, String functionId, String slug, String name, String value) {
        transport.redactor().add(value);
        ObjectNode secret = Json.object().put("name", name).put("value", value);
        transport.call(
                "setting secret " + name + " of function '" + slug + "'",
                "POST",
                "/functions/" + functionId + "/secrets",
                null,
                Envelopes.wrap("secret", secret));
    }

    /**
     * POST /functions/{id}/deploy, then {@link #awaitEnd} reading the function with {@code read}.
     *
     * @return the function as last read
     */
    static ObjectNode deploy(
            ApiTransport transport,
            String id,
            String slug,
            Supplier<ObjectNode> read,
            Duration pollInterval,
            Duration timeout,
            Sleeper sleeper) {
        String operation = "deploying function '" + slug + "'";
        ObjectNode before = read.get();
        transport.call(operation, "POST", "/functions/" + id + "/deploy", null, null);
        return awaitEnd(operation, before, read, pollInterval, timeout, sleeper);
    }

    /**
     * Reads the function until the deploy has ended: status {@code error}, or {@code deployed} with a new
     * {@code version} or {@code last_deployed_at} (a function deployed before still reads {@code deployed}
     * while its new deploy runs).
     *
     * @return the function as last read
     * @throws KapsoApiException of kind {@link Kind#INVALID} when the deploy ends in {@code error}, or
     *     {@link Kind#UNREACHABLE} when it is still deploying at {@code timeout}
     */
    private static ObjectNode awaitEnd(
            String operation,
            ObjectNode before,
            Supplier<ObjectNode> read,
            Duration pollInterval,
            Duration timeout,
            Sleeper sleeper) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ObjectNode function = read.get();
            String status = function.path("status").asText();
            boolean redeployed = !function.path("version").equals(before.path("version"))
                    || !function.path("last_deployed_at").equals(before.path("last_deployed_at"));
            if (status.equals("deployed") && redeployed) {
                return function;
            }
            if (status.equals("error")) {
                throw new KapsoApiException(
                        Kind.INVALID,
                        0,
                        operation + " failed: Kapso reports the deploy ended"
                                + " in error; see the function's logs in Kapso, fix the code and apply again",
                        null);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new KapsoApiException(
                        Kind.UNREACHABLE,
                        0,
                        operation + " is still '" + status + "' after " + timeout.toSeconds()
                                + " s; run kapso:plan later to see whether it finished",
                        null);
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KapsoApiException(Kind.UNREACHABLE, 0, operation + " was interrupted", e);
            }
        }
    }
}
