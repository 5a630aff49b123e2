package io.kapsocode.dsl;

import io.kapsocode.json.Json;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.FunctionType;
import io.kapsocode.model.InvokeResponseMode;
import io.kapsocode.model.SourceMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds a {@link FunctionDefinition}. Secrets are declared by name; values are set outside sources. */
public final class FunctionBuilder {

    private final String slug;
    private String name;
    private String description;
    private String codeFile = "index.js";
    private String code;
    private FunctionType functionType;
    private InvokeResponseMode invokeResponseMode;
    private Boolean publicEndpoint;
    private Map<String, Object> runtimeConfig;
    private final List<String> secretNames = new ArrayList<>();

    FunctionBuilder(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("slug must not be null or blank");
        }
        this.slug = slug;
    }

    /** The display name (the slug when unset). */
    public FunctionBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** What the function does. */
    public FunctionBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** The code file, relative to the function's folder ({@code functions/<slug>/}); default {@code index.js}. */
    public FunctionBuilder codeFile(String codeFile) {
        this.codeFile = codeFile;
        return this;
    }

    /** The code itself, instead of a file. */
    public FunctionBuilder code(String code) {
        this.code = code;
        return this;
    }

    /** Where it runs: a Cloudflare worker (the default) or a Supabase function. */
    public FunctionBuilder functionType(FunctionType functionType) {
        this.functionType = functionType;
        return this;
    }

    /** How Kapso returns the function's answer when it is invoked. */
    public FunctionBuilder invokeResponseMode(InvokeResponseMode invokeResponseMode) {
        this.invokeResponseMode = invokeResponseMode;
        return this;
    }

    /** Whether the function can be invoked without an API key. */
    public FunctionBuilder publicEndpoint(boolean publicEndpoint) {
        this.publicEndpoint = publicEndpoint;
        return this;
    }

    /** Environment and limits, such as {@code Map.of("timeout", 30)}. Never put secret values here. */
    public FunctionBuilder runtimeConfig(Map<String, Object> runtimeConfig) {
        this.runtimeConfig = runtimeConfig;
        return this;
    }

    /** Names of the secrets the code reads as {@code env.NAME}. */
    public FunctionBuilder secrets(String... names) {
        secretNames.addAll(Arrays.asList(names));
        return this;
    }

    /** The immutable function. */
    public FunctionDefinition build() {
        return new FunctionDefinition(
                slug,
                name,
                description,
                code == null ? codeFile : null,
                code,
                functionType,
                invokeResponseMode,
                publicEndpoint,
                runtimeConfig == null ? null : Json.valueOf(runtimeConfig),
                secretNames,
                SourceMap.NONE);
    }
}
