package io.kapsocode.model;

import io.kapsocode.model.trigger.Trigger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kapso workflow as its sources describe it: metadata, triggers and the graph.
 *
 * @param slug kebab-case identity, the key that matches it with the remote workflow
 * @param name display name, unique in the project
 * @param description optional description
 * @param status {@code draft}, {@code active} or {@code archived}; {@code draft} when unset
 * @param settings workflow-level settings
 * @param triggers what starts it
 * @param nodes the nodes, in authoring order
 * @param edges the edges, in authoring order
 * @param sourceMap where each element was written, for diagnostics; not part of the value
 */
public record Workflow(
        String slug,
        String name,
        String description,
        WorkflowStatus status,
        WorkflowSettings settings,
        List<Trigger> triggers,
        List<Node> nodes,
        List<Edge> edges,
        SourceMap sourceMap) {

    public Workflow {
        Objects.requireNonNull(slug, "slug");
        settings = settings == null ? WorkflowSettings.DEFAULTS : settings;
        triggers = Values.list(triggers);
        nodes = Values.list(nodes);
        edges = Values.list(edges);
        sourceMap = sourceMap == null ? SourceMap.NONE : sourceMap;
    }

    /** The status with Kapso's default applied. */
    public WorkflowStatus effectiveStatus() {
        return status == null ? WorkflowStatus.DRAFT : status;
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** How diagnostics name this workflow: {@code workflow 'slug'}. */
    public String subject() {
        return "workflow '" + slug + "'";
    }
}
