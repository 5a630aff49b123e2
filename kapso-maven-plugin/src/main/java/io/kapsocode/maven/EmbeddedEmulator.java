package io.kapsocode.maven;

import io.kapsocode.testkit.KapsoEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The built-in local Kapso emulator behind {@code -Dkapso.emulator=true}: one per build and environment
 * (each environment is its own Kapso project), shared by every goal of the build, so that a plan, an
 * apply and a second plan in one build see the same project.
 */
final class EmbeddedEmulator {

    /** What plans made against the emulator name as their target. */
    static final String TARGET = "local Kapso emulator";

    private record Running(KapsoEmulator emulator, String key) {}

    private static final java.util.Map<String, Running> RUNNING = new java.util.HashMap<>();

    private EmbeddedEmulator() {}

    /**
     * The build's emulator, started on first use. It checks {@code preferredKey} when one is given (the
     * key a user would use against Kapso, so the same key handling runs), a random key otherwise.
     */
    static synchronized KapsoEmulator instance(
            String environment, String preferredKey, java.util.function.Consumer<KapsoEmulator> onStart) {
        return RUNNING.computeIfAbsent(String.valueOf(environment), name -> {
                    byte[] random = new byte[16];
                    new SecureRandom().nextBytes(random);
                    String key = preferredKey != null && !preferredKey.isBlank()
                            ? preferredKey.strip()
                            : "kp_emulator_" + HexFormat.of().formatHex(random);
                    try {
                        KapsoEmulator started = KapsoEmulator.start(key);
                        try {
                            onStart.accept(started);
                        } catch (RuntimeException e) {
                            started.close();
                            throw e;
                        }
                        return new Running(started, key);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start the local Kapso emulator on a loopback port", e);
                    }
                })
                .emulator();
    }

    static synchronized boolean running(String environment) {
        return RUNNING.containsKey(String.valueOf(environment));
    }

    static synchronized String apiKey(String environment) {
        Running running = RUNNING.get(String.valueOf(environment));
        if (running == null) {
            throw new IllegalStateException("the emulator has not started");
        }
        return running.key();
    }
}
