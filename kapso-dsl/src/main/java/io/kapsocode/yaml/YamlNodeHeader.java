package io.kapsocode.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.model.Position;

/** The keys every node entry may have, beside its type's config keys. */
record YamlNodeHeader(
        String type,
        String displayName,
        Position position,
        String next,
        JsonNode branches,
        String nodeType,
        ObjectNode config,
        ObjectNode rawConfig,
        ObjectNode suppress) {

    /** The reserved keys, for suggestions when a config key is misspelt. */
    static final java.util.List<String> KEYS = java.util.List.of(
            "type", "display_name", "position", "next", "branches", "node_type", "config", "raw_config", "suppress");
}
