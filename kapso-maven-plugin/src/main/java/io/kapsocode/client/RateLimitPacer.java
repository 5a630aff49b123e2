package io.kapsocode.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spaces requests out when Kapso says few are left in the current window ({@code X-RateLimit-Remaining}
 * or, on execution starts, {@code X-Burst-RateLimit-Remaining}), so that a large apply slows down
 * instead of running into 429.
 */
final class RateLimitPacer {

    /** Below this many remaining requests, the next one waits. */
    static final int LOW_WATER = 2;

    /** A reset value above a day is an epoch second, not a delay. */
    private static final long EPOCH_THRESHOLD = 86_400;

    private Duration pending = Duration.ZERO;

    /** Reads the headers of a response; returns nothing, remembers the wait owed before the next call. */
    synchronized void observe(HttpHeaders headers) {
        Optional<Long> remaining =
                number(headers, "X-RateLimit-Remaining").or(() -> number(headers, "X-Burst-RateLimit-Remaining"));
        if (remaining.isEmpty() || remaining.get() >= LOW_WATER) {
            pending = Duration.ZERO;
            return;
        }
        // wait for the window to reset when Kapso says when (seconds, or an epoch second); else a
        // second, the burst window
        Duration reset = number(headers, "X-RateLimit-Reset")
                .map(value -> value > EPOCH_THRESHOLD ? value - Instant.now().getEpochSecond() : value)
                .map(seconds -> Duration.ofSeconds(Math.max(0, Math.min(seconds, 60))))
                .orElse(Duration.ofSeconds(1));
        pending = remaining.get() <= 0 ? reset : reset.dividedBy(2);
    }

    /** The wait owed before the next call; reading it clears it. */
    synchronized Duration take() {
        Duration wait = pending;
        pending = Duration.ZERO;
        return wait;
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
