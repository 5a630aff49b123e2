package io.kapsocode.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A workflow as Kapso holds it.
 *
 * @param workflow the workflow with its {@code definition}, as GET /workflows/{id}/definition returns it
 * @param triggers its triggers, as GET /workflows/{id}/triggers returns them
 */
public record RemoteWorkflow(ObjectNode workflow, List<ObjectNode> triggers) {

    public RemoteWorkflow {
        triggers = List.copyOf(triggers);
    }

    public String id() {
        return workflow.path("id").asText();
    }

    public String slug() {
        return workflow.path("slug").asText();
    }

    public int lockVersion() {
        return workflow.path("lock_version").asInt();
    }

    /**
     * The name and description of a workflow read from Kapso: what a read again compares, with the
     * definition, where the API has no lock version to say that someone renamed it (the legacy API).
     */
    public static JsonNode nameAndDescription(JsonNode workflow) {
        return io.kapsocode.json.Json.array()
                .add(workflow.path("name").asText())
                .add(workflow.path("description").asText(""));
    }
}
