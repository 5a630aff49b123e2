package io.kapsocode.maven;

import io.kapsocode.testkit.KapsoEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The built-in local Kapso emulator behind {@code -Dkapso.emulator=true}: one per build, shared by
 * every goal of it, so that a plan, an apply and a second plan in one build see the same project.
 */
final class EmbeddedEmulator {

    /** What plans made against the emulator name as their target. */
    static final String TARGET = "local Kapso emulator";

    private static KapsoEmulator shared;
    private static String key;

    private EmbeddedEmulator() {}

    /**
     * The build's emulator, started on first use. It checks {@code preferredKey} when one is given (the
     * key a user would use against Kapso, so the same key handling runs), a random key otherwise.
     */
    static synchronized KapsoEmulator instance(String preferredKey) {
        if (shared == null) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            key = preferredKey != null && !preferredKey.isBlank()
                    ? preferredKey.strip()
                    : "kp_emulator_" + HexFormat.of().formatHex(random);
            try {
                shared = KapsoEmulator.start(key);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the local Kapso emulator on a loopback port", e);
            }
        }
        return shared;
    }

    static synchronized String apiKey() {
        if (shared == null) {
            throw new IllegalStateException("the emulator has not started");
        }
        return key;
    }
}
