package io.kapsocode.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApiException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waiting for a function's deploy to end, the same on both APIs: Kapso deploys in the background. */
final class Deploys {

    private Deploys() {}

    /**
     * Reads the function until the deploy has ended: status {@code error}, or {@code deployed} with a new
     * {@code version} or {@code last_deployed_at} (a function deployed before still reads {@code deployed}
     * while its new deploy runs).
     *
     * @return the function as last read
     * @throws KapsoApiException of kind {@link Kind#INVALID} when the deploy ends in {@code error}, or
     *     {@link Kind#UNREACHABLE} when it is still deploying at {@code timeout}
     */
    static ObjectNode awaitEnd(
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
