package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;

/**
 * A {@code call} node: runs another workflow as a child execution and waits for it.
 *
 * @param workflowSlug the called workflow, by slug; resolved to its id when applied
 * @param saveErrorTo variable that receives a child failure (Kapso's default {@code subworkflow_error})
 */
@ReadOnlyKeys({"workflow_name", "workflow_id"})
public record CallConfig(@Required String workflowSlug, String saveErrorTo) implements NodeConfig {

    public static final String TYPE = "call";

    @Override
    public String nodeType() {
        return TYPE;
    }
}
