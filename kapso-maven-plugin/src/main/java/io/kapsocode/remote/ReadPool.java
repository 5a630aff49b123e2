package io.kapsocode.remote;

import io.kapsocode.client.KapsoApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The threads that read a Kapso project {@code concurrency} requests at a time, and their results. */
public final class ReadPool {

    private ReadPool() {}

    /** Daemon threads: a pool left open never keeps a build's JVM alive. */
    public static ExecutorService open(String name, int concurrency) {
        return Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for one result; a failed call surfaces as the client's own typed exception. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KapsoApiException api) {
                throw api;
            }
            throw e;
        }
    }
}
