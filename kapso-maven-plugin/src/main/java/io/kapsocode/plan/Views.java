package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.plan.ResourceChange.Origin;
import java.util.HashMap;
import java.util.Map;

/**
 * What each side of a resource says, as compared, reduced to a hash: the sources' hash is what an apply
 * records, and against that record a later plan tells which side moved.
 */
final class Views {

    private final Map<String, String> applied;
    private final Map<String, String> local = new HashMap<>();
    private final Map<String, String> remote = new HashMap<>();

    Views(Map<String, String> applied) {
        this.applied = applied;
    }

    void local(String address, JsonNode view) {
        local.put(address, Planner.hash(view));
    }

    void remote(String address, JsonNode view) {
        remote.put(address, Planner.hash(view));
    }

    /** The resource with its sources' hash and, for an update, the side its changes came from. */
    ResourceChange label(ResourceChange resource) {
        String address = resource.address();
        String sources = local.get(address);
        String last = applied.get(address);
        Origin origin = Origin.UNKNOWN;
        if (resource.action() == Action.UPDATE && last != null && sources != null) {
            boolean sourcesMoved = !last.equals(sources);
            boolean kapsoMoved = !last.equals(remote.get(address));
            origin = sourcesMoved && kapsoMoved
                    ? Origin.BOTH
                    : sourcesMoved ? Origin.SOURCES : kapsoMoved ? Origin.KAPSO : Origin.UNKNOWN;
        }
        return resource.withHashes(sources, origin);
    }
}
