package io.kapsocode.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Kapso's envelopes, the same on both APIs: {@code {"workflow": ...}} in, {@code {"data": ...}} out. */
final class Envelopes {

    private Envelopes() {}

    static ObjectNode wrap(String name, JsonNode content) {
        ObjectNode body = Json.object();
        body.set(name, content);
        return body;
    }

    static ObjectNode data(String operation, JsonNode response, Redactor redactor) {
        JsonNode data = response.path("data");
        if (!data.isObject()) {
            throw malformed(operation, "an object under 'data'", response, redactor);
        }
        return (ObjectNode) data;
    }

    static List<ObjectNode> items(String operation, JsonNode response, Redactor redactor) {
        JsonNode data = response.path("data");
        if (!data.isArray()) {
            throw malformed(operation, "a list under 'data'", response, redactor);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : data) {
            if (!item.isObject()) {
                throw malformed(operation, "objects in the 'data' list", response, redactor);
            }
            items.add((ObjectNode) item);
        }
        return items;
    }

    static KapsoApiException malformed(String operation, String expected, JsonNode response, Redactor redactor) {
        String shape = response.isNull() ? "an empty body" : ErrorBodies.abbreviate(response.toString());
        return new KapsoApiException(
                Kind.MALFORMED_RESPONSE,
                0,
                redactor.redact(operation + ": expected " + expected + ", got " + shape),
                null);
    }
}
