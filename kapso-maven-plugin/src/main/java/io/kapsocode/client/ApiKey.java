package io.kapsocode.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Kapso project API key. It never prints: {@link #toString()} and every message show only a short
 * fingerprint, so a key that reaches a log, an exception or a plan file by mistake stays secret.
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** Wraps a key; refuses a blank one with a message that says where keys come from. */
    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "no Kapso API key: set the KAPSO_API_KEY environment variable or a <server> in settings.xml");
        }
        return new ApiKey(value.strip());
    }

    /** The key itself, for the {@code X-API-Key} header only. */
    String reveal() {
        return value;
    }

    /** The first 8 hex digits of the key's SHA-256: enough to tell keys apart, useless to an attacker. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ApiKey[sha256:" + fingerprint() + "]";
    }
}
