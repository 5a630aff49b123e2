package io.kapsocode.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApi;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.simulator.ExecutionsApi;
import java.util.Optional;

/** The executions API of a Kapso project, through the client, for replaying scenarios there. */
final class ClientExecutions implements ExecutionsApi {

    private final KapsoApi client;

    ClientExecutions(KapsoApi client) {
        this.client = client;
    }

    @Override
    public JsonNode start(String workflowId, String slug, ObjectNode request) {
        return client.startExecution(workflowId, slug, request);
    }

    @Override
    public Optional<JsonNode> execution(String id) {
        try {
            return Optional.of(client.getExecution(id));
        } catch (KapsoApiException e) {
            if (e.status().orElse(0) == 404) {
                return Optional.empty(); // Kapso may not show a new execution at once
            }
            throw e;
        }
    }

    @Override
    public JsonNode resume(String id, JsonNode data) {
        return client.resumeExecution(id, data);
    }
}
