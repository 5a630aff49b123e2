package io.kapsocode.client;

import java.util.Locale;
import java.util.Set;

/**
 * The Kapso API a target speaks: the Platform API ({@code /platform/v1}), or the older flows API
 * ({@code app.kapso.ai/api/v1}, README "The legacy flows API") that keeps the same graphs under the
 * name flows, with fewer node and trigger types, no slug, no lock version, no status writes, no deletes,
 * and no functions or WhatsApp flows.
 */
public enum ApiKind {
    PLATFORM("https://api.kapso.ai/platform/v1"),
    LEGACY("https://app.kapso.ai/api/v1");

    private final String defaultBaseUrl;

    ApiKind(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The URL used when {@code kapso.baseUrl} is not given. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The path an emulator serves this API under. */
    public String emulatorPath() {
        return this == PLATFORM ? "/platform/v1" : "/api/v1";
    }

    /** Node types the API does not have: {@code call}, {@code handoff} and {@code emit_event} on legacy. */
    public Set<String> missingNodeTypes() {
        return this == PLATFORM ? Set.of() : Set.of("call", "handoff", "emit_event");
    }

    /** Trigger types the API has. */
    public Set<String> triggerTypes() {
        return this == PLATFORM
                ? Set.of("inbound_message", "api_call", "whatsapp_event", "project_event")
                : Set.of("inbound_message", "api_call");
    }

    /** Whether a workflow's status can be written (legacy: only in the dashboard). */
    public boolean writesStatus() {
        return this == PLATFORM;
    }

    /** Whether the API manages functions and WhatsApp flows. */
    public boolean managesFunctionsAndFlows() {
        return this == PLATFORM;
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
