package io.kapsocode.remote;

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
}
