package io.kapsocode.dsl;

import io.kapsocode.model.node.CallConfig;
import io.kapsocode.model.node.NodeConfig;

/** Configures a {@code call} node. */
public final class CallSpec extends NodeSpec<CallSpec> {

    private final String workflowSlug;
    private final String workflowId;
    private String saveErrorTo;

    CallSpec(String workflowSlug, String workflowId) {
        this.workflowSlug = workflowSlug;
        this.workflowId = workflowId;
    }

    /** Stores a child failure in {@code vars.<variable>} (Kapso's default {@code subworkflow_error}). */
    public CallSpec saveErrorTo(String variable) {
        this.saveErrorTo = variable;
        return this;
    }

    @Override
    NodeConfig config() {
        return new CallConfig(workflowSlug, workflowId, saveErrorTo);
    }
}
