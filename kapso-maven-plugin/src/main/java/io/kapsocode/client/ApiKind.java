package io.kapsocode.client;

import java.util.Locale;

/**
 * The Kapso API a target speaks: the Platform API ({@code /platform/v1}), or the older flows API
 * ({@code app.kapso.ai/api/v1}, README "The legacy flows API") that keeps the same graphs under the
 * name flows, with fewer node and trigger types, no slug, no lock version, no status writes, no deletes,
 * and no functions or WhatsApp flows: {@code LegacyApiRules} checks the sources for it,
 * {@code LegacyTarget} turns what it cannot write into notes, {@link LegacyFlowsClient} translates.
 */
public enum ApiKind {
    PLATFORM("https://api.kapso.ai/platform/v1"),
    LEGACY("https://app.kapso.ai/api/v1");

    private final String defaultBaseUrl;

    ApiKind(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The URL used when {@code kapso.url} is not given. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** {@code platform} or {@code legacy}, as {@code kapso.api} takes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind {@code kapso.api} names, or an exception that lists both. */
    public static ApiKind of(String id) {
        for (ApiKind kind : values()) {
            if (kind.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kapso.api is '" + id + "'; use platform (the default) or legacy");
    }
}
