package io.kapsocode.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A function as Kapso holds it.
 *
 * @param function the function resource, with its {@code code}
 * @param secretNames the names of its secrets, when they were read (values are never returned)
 */
public record RemoteFunction(ObjectNode function, List<String> secretNames) {

    public RemoteFunction {
        secretNames = List.copyOf(secretNames);
    }

    public String id() {
        return function.path("id").asText();
    }

    public String slug() {
        return function.path("slug").asText();
    }

    public String status() {
        return function.path("status").asText();
    }
}
