package io.kapsocode.model.node;

/** The three forms Kapso accepts for a function reference: slug (portable), id, and display name. */
final class FunctionReference {

    private FunctionReference() {}

    /**
     * The name, when it is the reference itself; {@code null} beside a slug or an id, where it is only
     * Kapso's read-only companion (and goes stale when the function is renamed).
     */
    static String nameOnlyAlone(String slug, String id, String name) {
        return isSet(slug) || isSet(id) ? null : name;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
