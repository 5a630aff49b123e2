package io.kapsocode.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.FunctionType;

/** A function's fields as Kapso stores them, from its sources. */
public final class Functions {

    private Functions() {}

    /** Every field the sources decide; fields they leave unset are Kapso's to keep. */
    public static ObjectNode desired(FunctionDefinition function) {
        ObjectNode json = Json.object();
        json.put("name", function.name() != null ? function.name() : function.slug());
        json.set("description", Json.valueOf(function.description()));
        json.put("code", function.code() == null ? "" : function.code());
        json.put(
                "function_type",
                (function.functionType() != null ? function.functionType() : FunctionType.CLOUDFLARE_WORKER).wire());
        if (function.invokeResponseMode() != null) {
            json.put("invoke_response_mode", function.invokeResponseMode().wire());
        }
        if (function.publicEndpoint() != null) {
            json.put("public_endpoint", function.publicEndpoint());
        }
        if (function.runtimeConfig() != null && !function.runtimeConfig().isEmpty()) {
            json.set("runtime_config", function.runtimeConfig().deepCopy());
        }
        return json;
    }
}
