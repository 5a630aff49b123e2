package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kapso's executions endpoints, as {@link LiveRuntime} calls them; each answers the {@code data} of
 * Kapso's response. The Maven plugin implements it with its client, so this module needs none.
 */
public interface ExecutionsApi {

    /**
     * {@code POST /workflows/{workflowId}/executions}.
     *
     * @param request the {@code workflow_execution}: {@code phone_number}, {@code variables}, {@code context}
     * @return {@code {id, tracking_id, ...}}
     */
    JsonNode start(String workflowId, String slug, ObjectNode request);

    /** {@code GET /workflow_executions/{id}}, or empty when Kapso does not know it (yet). */
    java.util.Optional<JsonNode> execution(String id);

    /** {@code POST /workflow_executions/{id}/resume} with {@code message.data}. */
    JsonNode resume(String id, JsonNode data);
}
