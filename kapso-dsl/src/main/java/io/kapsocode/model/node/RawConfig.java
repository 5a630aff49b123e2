package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.Objects;

/**
 * The escape hatch: any {@code node_type} with its config passed through unchanged, for node types
 * this tool does not model yet. The validator warns about types Kapso's API does not list.
 *
 * @param nodeType Kapso's {@code node_type}
 * @param config the snake_case config, as Kapso stores it
 */
public record RawConfig(String nodeType, ObjectNode config) implements NodeConfig {

    public RawConfig {
        Objects.requireNonNull(nodeType, "nodeType");
        config = config == null ? Json.object() : config.deepCopy();
    }
}
