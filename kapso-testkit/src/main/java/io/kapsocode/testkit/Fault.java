package io.kapsocode.testkit;

import java.time.Duration;

/**
 * Something going wrong on one request, injected into the emulator.
 *
 * @param status the status to answer, for {@link Kind#STATUS}
 * @param retryAfterSeconds a {@code Retry-After} to send, or -1
 * @param kind what happens
 * @param delay how long to stall first
 */
public record Fault(Kind kind, int status, int retryAfterSeconds, Duration delay) {

    /** What an injected fault does. */
    public enum Kind {
        /** Answers {@code status} without applying the request. */
        STATUS,
        /** Drops the connection before applying the request. */
        RESET_BEFORE,
        /** Applies the request, then drops the connection: the client cannot know it was applied. */
        RESET_AFTER,
        /** Applies the request, then answers 200 with a body that is not JSON. */
        MALFORMED_AFTER,
        /** Stalls for {@code delay}, then serves the request normally. */
        DELAY
    }

    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, -1, Duration.ZERO);
    }

    public static Fault status(int status, int retryAfterSeconds) {
        return new Fault(Kind.STATUS, status, retryAfterSeconds, Duration.ZERO);
    }

    public static Fault resetBefore() {
        return new Fault(Kind.RESET_BEFORE, 0, -1, Duration.ZERO);
    }

    public static Fault resetAfter() {
        return new Fault(Kind.RESET_AFTER, 0, -1, Duration.ZERO);
    }

    public static Fault malformedAfter() {
        return new Fault(Kind.MALFORMED_AFTER, 200, -1, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, -1, delay);
    }
}
