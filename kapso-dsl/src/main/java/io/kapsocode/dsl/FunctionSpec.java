package io.kapsocode.dsl;

import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.model.node.NodeConfig;

/** Configures a {@code function} node. */
public final class FunctionSpec extends NodeSpec<FunctionSpec> {

    private final String functionSlug;
    private final String functionId;
    private String saveResponseTo;

    FunctionSpec(String functionSlug, String functionId) {
        this.functionSlug = functionSlug;
        this.functionId = functionId;
    }

    /** Stores the whole response in {@code vars.<variable>}. */
    public FunctionSpec saveResponseTo(String variable) {
        this.saveResponseTo = variable;
        return this;
    }

    @Override
    NodeConfig config() {
        return new FunctionConfig(functionSlug, functionId, null, saveResponseTo);
    }
}
