package io.kapsocode.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.json.Json;
import io.kapsocode.model.Workflow;

/** A workflow's metadata as Kapso stores it, from its sources. */
final class Workflows {

    private Workflows() {}

    /**
     * The name (the slug when unset), the description ({@code null} clears one set in the dashboard)
     * and the settings the sources set. Status is planned apart: it is written last.
     */
    static ObjectNode metadata(Workflow workflow) {
        ObjectNode json = Json.object();
        json.put("name", workflow.name() != null ? workflow.name() : workflow.slug());
        json.set("description", Json.valueOf(workflow.description()));
        json.setAll(RecordCodec.write(workflow.settings()));
        return json;
    }
}
