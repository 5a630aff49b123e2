package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;

/**
 * A remote MCP server whose tools an agent may use.
 *
 * @param name the server name
 * @param description what it offers
 * @param url the server's URL
 * @param headers header names to values (use {@code ${ENV:NAME}} for credentials)
 */
@ReadOnlyKeys({"id"})
public record AgentMcpServer(
        @Required String name, String description, @Required String url, JsonNode headers) {

    public AgentMcpServer {
        headers = Values.json(headers);
    }
}
