package io.kapsocode.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;

/**
 * A workflow compiled to what Kapso stores, with source references ({@code function_slug},
 * {@code workflow_slug}) still by name: they are resolved to remote ids only when applied.
 *
 * @param slug the workflow's slug
 * @param metadata the workflow fields: name, slug, description, status and settings
 * @param definition the definition: {@code nodes} and {@code edges}
 * @param triggers the trigger set, as {@code PUT /workflows/{id}/triggers} items
 */
public record CompiledWorkflow(String slug, ObjectNode metadata, ObjectNode definition, ArrayNode triggers) {

    public CompiledWorkflow {
        metadata = metadata.deepCopy();
        definition = definition.deepCopy();
        triggers = triggers.deepCopy();
    }

    @Override
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    @Override
    public ObjectNode definition() {
        return definition.deepCopy();
    }

    @Override
    public ArrayNode triggers() {
        return triggers.deepCopy();
    }

    /** The canonical text of the definition, byte for byte what {@code definition.json} holds. */
    public String definitionJson() {
        return CanonicalJson.write(definition);
    }
}
