package io.kapsocode.client;

import java.time.Duration;

/** Waits between attempts; tests pass a recording fake so that backoff costs no real time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
