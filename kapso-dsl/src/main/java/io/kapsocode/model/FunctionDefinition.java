package io.kapsocode.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A Kapso function (JavaScript deployed by Kapso) as its sources describe it. Secrets are listed by
 * name only: their values never live in sources.
 *
 * @param slug the identity workflows reference as {@code function_slug}, {@code ^[a-z0-9-]+$}
 * @param name display name
 * @param description optional description
 * @param codeFile the code file, relative to the function's folder (usually {@code index.js})
 * @param code the code, once read
 * @param functionType where Kapso deploys it (default {@code cloudflare_worker})
 * @param invokeResponseMode {@code passthrough} (default) or {@code wrapped}
 * @param publicEndpoint whether it can be invoked without an API key
 * @param runtimeConfig environment and limits
 * @param secretNames names of the secrets it expects, {@code ^[A-Z0-9_]+$}
 * @param sourceMap where each element was written
 */
public record FunctionDefinition(
        String slug,
        String name,
        String description,
        String codeFile,
        String code,
        FunctionType functionType,
        InvokeResponseMode invokeResponseMode,
        Boolean publicEndpoint,
        JsonNode runtimeConfig,
        List<String> secretNames,
        SourceMap sourceMap) {

    public FunctionDefinition {
        Objects.requireNonNull(slug, "slug");
        runtimeConfig = Values.json(runtimeConfig);
        secretNames = Values.list(secretNames);
        sourceMap = sourceMap == null ? SourceMap.NONE : sourceMap;
    }

    public String subject() {
        return "function '" + slug + "'";
    }
}
