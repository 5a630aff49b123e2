package io.kapsocode.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.NodeConfig;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A workflow node: its stable id (the identity plans diff on, never derived from the label), its
 * typed configuration, and presentation details.
 *
 * @param id the node id, {@code ^[A-Za-z][A-Za-z0-9_-]*$}; {@code start} for the start node
 * @param config the typed configuration, which decides the node type
 * @param displayName optional label shown in Kapso's editor
 * @param position optional canvas position; a layout is computed when unset
 * @param extraConfig config keys passed through as they are, merged over the typed config (keys
 *     Kapso returned that this tool does not model, or values set on purpose as raw JSON)
 * @param suppressions validation rules silenced for this node: diagnostic code to the reason, which
 *     stays in the source for reviewers; never sent to Kapso
 */
public record Node(
        String id,
        NodeConfig config,
        String displayName,
        Position position,
        ObjectNode extraConfig,
        Map<String, String> suppressions) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        extraConfig = extraConfig == null ? Json.object() : extraConfig.deepCopy();
        suppressions = suppressions == null || suppressions.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(suppressions));
    }

    public Node(String id, NodeConfig config, String displayName, Position position, ObjectNode extraConfig) {
        this(id, config, displayName, position, extraConfig, null);
    }

    public Node(String id, NodeConfig config) {
        this(id, config, null, null, null, null);
    }

    /** Kapso's {@code data.node_type}. */
    public String nodeType() {
        return config.nodeType();
    }
}
