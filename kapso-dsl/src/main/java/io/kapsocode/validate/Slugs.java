package io.kapsocode.validate;

import java.text.Normalizer;
import java.util.Locale;

/** Turns any name into a valid slug, the way Kapso's library does, for "such as" suggestions. */
public final class Slugs {

    private Slugs() {}

    /** {@code "ThisIsA Function!!"} gives {@code this-is-a-function}; an empty result gives {@code workflow}. */
    public static String suggest(String name) {
        String split = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
        String ascii = Normalizer.normalize(split, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "workflow" : slug;
    }
}
