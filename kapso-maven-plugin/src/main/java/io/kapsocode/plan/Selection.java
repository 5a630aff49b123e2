package io.kapsocode.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which resources a plan covers: all of them, only some ({@code kapso.only}) or all but some
 * ({@code kapso.exclude}), by slug or flow name. What a selected resource depends on is added, and says
 * so, so that apply never writes a workflow before the function it calls.
 *
 * @param only names to plan; empty for all
 * @param exclude names to leave out
 */
public record Selection(Set<String> only, Set<String> exclude) {

    public static final Selection ALL = new Selection(Set.of(), Set.of());

    public Selection {
        only = Set.copyOf(only);
        exclude = Set.copyOf(exclude);
    }

    public boolean includes(String key) {
        return (only.isEmpty() || only.contains(key)) && !exclude.contains(key);
    }

    List<ResourceChange> apply(List<ResourceChange> resources) {
        if (only.isEmpty() && exclude.isEmpty()) {
            return resources;
        }
        Map<String, ResourceChange> byAddress =
                resources.stream().collect(Collectors.toMap(ResourceChange::address, Function.identity(), (a, b) -> a));
        Set<String> chosen = new LinkedHashSet<>();
        Map<String, String> neededBy = new java.util.HashMap<>();
        Deque<ResourceChange> todo = new ArrayDeque<>();
        resources.stream().filter(r -> includes(r.key())).forEach(r -> {
            chosen.add(r.address());
            todo.add(r);
        });
        while (!todo.isEmpty()) {
            ResourceChange resource = todo.poll();
            for (String dependency : resource.dependsOn()) {
                ResourceChange needed = byAddress.get(dependency);
                if (needed != null && chosen.add(dependency)) {
                    neededBy.put(dependency, resource.subject());
                    todo.add(needed);
                }
            }
        }
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange resource : resources) {
            if (!chosen.contains(resource.address())) {
                continue;
            }
            String reason = neededBy.get(resource.address());
            out.add(reason == null ? resource : resource.withNote("included because " + reason + " depends on it"));
        }
        return out;
    }
}
