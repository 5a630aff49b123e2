package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.RequiredOneOf;

/**
 * A {@code call} node: runs another workflow as a child execution and waits for it.
 *
 * @param workflowSlug the called workflow, by slug (portable); resolved to its id when applied
 * @param workflowId the called workflow, by Kapso id, as GET /definition returns it
 * @param saveErrorTo variable that receives a child failure (Kapso's default {@code subworkflow_error})
 */
@ReadOnlyKeys({"workflow_name"})
@RequiredOneOf({"workflow_slug", "workflow_id"})
public record CallConfig(String workflowSlug, String workflowId, String saveErrorTo) implements NodeConfig {

    public static final String TYPE = "call";

    public CallConfig(String workflowSlug, String saveErrorTo) {
        this(workflowSlug, null, saveErrorTo);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
