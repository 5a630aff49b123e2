package io.kapsocode.client;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;

/**
 * When to try a call again and how long to wait: exponential backoff with full jitter, honouring
 * {@code Retry-After}. Only 429, 502, 503, 504 and failed connections are retried, and calls that
 * change state only when Kapso certainly did not apply them (see {@link ApiTransport}).
 *
 * @param maxAttempts attempts in all, the first included
 * @param baseDelay the first backoff step
 * @param maxDelay the longest backoff step
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the call at once
 * @param random jitter source; seeded in tests
 * @param clock reads {@code Retry-After} dates
 */
public record RetryPolicy(
        int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Random random, Clock clock) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(20),
                Duration.ofSeconds(120),
                new Random(),
                Clock.systemUTC());
    }

    /** A policy that never retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, new Random(0), Clock.systemUTC());
    }

    static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The wait before attempt {@code attempt + 1} (attempts count from 1), with full jitter. */
    Duration backoff(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : (long) (random.nextDouble() * cap));
    }

    /** {@code Retry-After} as seconds or an HTTP date, if present and readable. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
