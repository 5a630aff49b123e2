package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.RawConfig;

/** Configures a raw node: any Kapso node type with its config passed through. */
public final class RawSpec extends NodeSpec<RawSpec> {

    private final String nodeType;
    private final ObjectNode config;

    RawSpec(String nodeType, ObjectNode config) {
        this.nodeType = nodeType;
        this.config = config;
    }

    @Override
    NodeConfig config() {
        return new RawConfig(nodeType, config);
    }
}
