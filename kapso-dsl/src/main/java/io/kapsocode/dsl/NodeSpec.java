package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.Node;
import io.kapsocode.model.Position;
import io.kapsocode.model.node.NodeConfig;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every node's configuration lambda can set besides its type's fields: a display name, a canvas
 * position, raw config keys for anything this tool does not model, and rule suppressions.
 *
 * @param <S> the concrete spec, so that chained calls keep their type
 */
public abstract class NodeSpec<S extends NodeSpec<S>> {

    private String displayName;
    private Position position;
    private final ObjectNode rawConfig = Json.object();
    private final Map<String, String> suppressions = new TreeMap<>();

    NodeSpec() {}

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    /** The label Kapso's editor shows; Kapso computes one when unset. */
    public S displayName(String displayName) {
        this.displayName = displayName;
        return self();
    }

    /** The node's canvas position; a left-to-right layout is computed when unset. */
    public S position(double x, double y) {
        this.position = new Position(x, y);
        return self();
    }

    /** A config key passed to Kapso exactly as given, over the typed fields. */
    public S rawConfig(String key, Object value) {
        rawConfig.set(key, Json.valueOf(value));
        return self();
    }

    /**
     * Silences validation rule {@code code} (such as {@code dead_end}) for this node; the reason is
     * required, so reviewers see why.
     */
    public S suppress(String code, String reason) {
        suppressions.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(reason, "reason"));
        return self();
    }

    abstract NodeConfig config();

    final Node toNode(String id) {
        return new Node(id, config(), displayName, position, rawConfig, suppressions);
    }
}
