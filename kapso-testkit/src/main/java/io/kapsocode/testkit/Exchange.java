package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the emulator served, for tests that check what was sent and answered.
 *
 * @param method the HTTP method
 * @param path the path under {@code /platform/v1}
 * @param requestBody the JSON body sent, or null
 * @param status the status answered (0 if the connection was dropped)
 * @param responseBody the JSON answered, or null
 */
public record Exchange(String method, String path, JsonNode requestBody, int status, JsonNode responseBody) {

    /** Whether the request asked to change something. */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD");
    }
}
