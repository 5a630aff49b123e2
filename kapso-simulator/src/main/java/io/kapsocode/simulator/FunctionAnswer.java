package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.Map;

/**
 * What a function answers: the whole response body, from which Kapso reads {@code next_edge} (decide
 * nodes) and merges {@code vars}; or a failure.
 *
 * @param body the response body
 * @param failure why the function failed, or {@code null}
 */
public record FunctionAnswer(JsonNode body, String failure) {

    /** {@code {"next_edge": label}}. */
    public static FunctionAnswer nextEdge(String label) {
        return new FunctionAnswer(Json.object().put("next_edge", label), null);
    }

    /** {@code {"vars": {...}}}. */
    public static FunctionAnswer vars(Map<String, ?> vars) {
        ObjectNode body = Json.object();
        body.set("vars", Json.valueOf(vars));
        return new FunctionAnswer(body, null);
    }

    /** Any JSON body, given as a map or a {@link JsonNode}. */
    public static FunctionAnswer body(Object body) {
        return new FunctionAnswer(Json.valueOf(body), null);
    }

    /** The function threw, timed out or answered something that is not JSON. */
    public static FunctionAnswer failed(String why) {
        return new FunctionAnswer(Json.object(), why);
    }

    /** The same answer with these vars merged too. */
    public FunctionAnswer withVars(Map<String, ?> vars) {
        ObjectNode copy = body.isObject() ? (ObjectNode) body.deepCopy() : Json.object();
        copy.set("vars", Json.valueOf(vars));
        return new FunctionAnswer(copy, failure);
    }
}
