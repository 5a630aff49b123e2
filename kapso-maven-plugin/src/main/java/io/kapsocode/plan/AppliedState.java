package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the last successful apply to a target left: per resource, the hash of its sources then (at that
 * moment Kapso said the same) and whether those sources were Java definitions. Not a state a plan
 * depends on (the remote is the state); it tells which side moved since, so that a dashboard edit is not
 * mistaken for a change in the sources, and it keeps a prune from archiving a workflow written in Java
 * when a run loaded no Java definitions. Kept in {@code .kapso/applied.json} by default; commit it, or
 * keep it as a CI cache.
 *
 * @param hashes the sources' hash by address ({@code workflow:support})
 * @param fromJava the addresses whose sources were Java definitions
 * @param projections per workflow address, which positions and labels its sources set then
 */
public record AppliedState(Map<String, String> hashes, Set<String> fromJava, Map<String, Projection> projections) {

    /** Version 2 added {@code source}; version 1 files (a bare hash per address) are still read. */
    static final int FORMAT_VERSION = 2;

    private static final String JAVA = "java";

    public static final AppliedState NONE = new AppliedState(Map.of(), Set.of(), Map.of());

    public AppliedState {
        hashes = Map.copyOf(hashes);
        fromJava = Set.copyOf(fromJava);
        projections = Map.copyOf(projections);
    }

    /** The record for {@code target}; {@link #NONE} when there is none or the file is unreadable. */
    public static AppliedState read(Path file, String target) {
        JsonNode entries = root(file).path("targets").path(target);
        Map<String, String> hashes = new LinkedHashMap<>();
        Set<String> fromJava = new TreeSet<>();
        Map<String, Projection> projections = new LinkedHashMap<>();
        entries.properties().forEach(e -> {
            JsonNode entry = e.getValue();
            hashes.put(e.getKey(), entry.isObject() ? entry.path("hash").asText() : entry.asText());
            if (JAVA.equals(entry.path("source").asText())) {
                fromJava.add(e.getKey());
            }
            if (entry.path("laid_out").isArray() && entry.path("labelled").isArray()) {
                projections.put(e.getKey(), new Projection(texts(entry.get("laid_out")), texts(entry.get("labelled"))));
            }
        });
        return new AppliedState(hashes, fromJava, projections);
    }

    /**
     * Records, after an apply of {@code plan} that succeeded, what each resource's sources were. Resources
     * the plan did not cover ({@code kapso.only}) or kept without sources keep their record; archived and
     * deleted ones lose it.
     *
     * @param sources the sources applied, for the projection of each workflow
     * @param fromJava the addresses this run read from Java definitions
     */
    public static void record(Path file, Plan plan, Project sources, Set<String> fromJava) throws IOException {
        ObjectNode root = root(file);
        root.put("format_version", FORMAT_VERSION);
        ObjectNode targets =
                root.path("targets").isObject() ? (ObjectNode) root.get("targets") : root.putObject("targets");
        ObjectNode entries = targets.path(plan.target()).isObject()
                ? (ObjectNode) targets.get(plan.target())
                : targets.putObject(plan.target());
        for (ResourceChange resource : plan.resources()) {
            if (resource.action() == Action.ARCHIVE || resource.action() == Action.DELETE) {
                entries.remove(resource.address());
            } else if (resource.localHash() != null) {
                ObjectNode entry = entries.putObject(resource.address())
                        .put("hash", resource.localHash())
                        .put("source", fromJava.contains(resource.address()) ? JAVA : "files");
                if (resource.kind() == ResourceKind.WORKFLOW) {
                    sources.workflow(resource.key()).map(Projection::of).ifPresent(projection -> {
                        projection.laidOut().stream().sorted().forEach(entry.putArray("laid_out")::add);
                        projection.labelled().stream().sorted().forEach(entry.putArray("labelled")::add);
                    });
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, CanonicalJson.write(root), StandardCharsets.UTF_8);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static ObjectNode root(Path file) {
        if (!Files.isRegularFile(file)) {
            return Json.object();
        }
        try {
            return Json.tryParse(Files.readString(file, StandardCharsets.UTF_8))
                    .filter(JsonNode::isObject)
                    .map(ObjectNode.class::cast)
                    .orElse(Json.object());
        } catch (IOException e) {
            return Json.object();
        }
    }
}
