package io.kapsocode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.FunctionType;
import io.kapsocode.model.InvokeResponseMode;
import java.util.List;

/**
 * The keys of {@code functions/<slug>/function.yaml}: those {@code kapso pull} writes, plus this tool's
 * {@code description} and {@code secrets} (secret names only, never values).
 *
 * @param slug the function's slug
 * @param name display name
 * @param entrypoint the code file, default {@code index.js}
 * @param functionType where Kapso deploys it
 * @param invokeResponseMode how responses are returned
 * @param publicEndpoint whether it can be invoked without an API key
 * @param runtimeConfig environment and limits
 * @param description optional description
 * @param secrets names of the secrets it expects
 */
public record FunctionYaml(
        String slug,
        String name,
        String entrypoint,
        FunctionType functionType,
        InvokeResponseMode invokeResponseMode,
        Boolean publicEndpoint,
        JsonNode runtimeConfig,
        String description,
        List<String> secrets) {}
