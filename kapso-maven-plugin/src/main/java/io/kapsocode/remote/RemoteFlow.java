package io.kapsocode.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A WhatsApp flow as Kapso holds it.
 *
 * @param flow the flow resource ({@code id}, {@code meta_flow_id}, {@code name}, {@code status}...)
 * @param latestVersion the newest version with its {@code flow_json}, when it was read
 */
public record RemoteFlow(ObjectNode flow, Optional<ObjectNode> latestVersion) {

    public String id() {
        return flow.path("id").asText();
    }

    public String name() {
        return flow.path("name").asText();
    }

    public String metaFlowId() {
        return flow.path("meta_flow_id").asText();
    }

    public boolean published() {
        return "published".equals(flow.path("status").asText());
    }

    /** The Flow JSON of the newest version, or a missing node when none was read. */
    public JsonNode flowJson() {
        return latestVersion
                .map(v -> v.path("flow_json"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
}
