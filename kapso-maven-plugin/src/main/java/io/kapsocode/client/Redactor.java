package io.kapsocode.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Masks every known secret (the API key, function secret values) in text on its way out. */
public final class Redactor {

    /** Secrets shorter than this are not masked: they would mask ordinary words. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    Redactor(ApiKey key) {
        add(key.reveal());
    }

    /** Registers a secret value, such as a function secret about to be sent. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : List.copyOf(secrets)) {
            out = out.replace(secret, "****");
        }
        return out;
    }
}
