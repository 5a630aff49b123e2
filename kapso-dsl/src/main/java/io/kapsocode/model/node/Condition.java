package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;

/**
 * One branch of a {@code decide} node: the label its outgoing edge carries, and for AI decisions a
 * description the model reads.
 *
 * @param label the edge label, unique within the node
 * @param description what this branch means, for the model
 */
@ReadOnlyKeys({"id"})
public record Condition(@Required String label, String description) {}
