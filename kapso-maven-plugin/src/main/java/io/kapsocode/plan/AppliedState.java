package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the last successful apply to each target left: per resource, the hash of its sources then (at
 * that moment Kapso said the same). Not a state a plan depends on (the remote is the state); it only
 * tells which side moved since, so that a dashboard edit is not mistaken for a change in the sources.
 * Kept in {@code .kapso/applied.json} by default; commit it, or keep it as a CI cache.
 */
public final class AppliedState {

    static final int FORMAT_VERSION = 1;

    private AppliedState() {}

    /** The record for {@code target}; empty when there is none or the file is unreadable. */
    public static Map<String, String> read(Path file, String target) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode root = Json.tryParse(Files.readString(file, StandardCharsets.UTF_8))
                    .orElse(Json.object());
            Map<String, String> hashes = new LinkedHashMap<>();
            root.path("targets")
                    .path(target)
                    .properties()
                    .forEach(e -> hashes.put(e.getKey(), e.getValue().asText()));
            return hashes;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Records, after an apply of {@code plan} that succeeded, what each resource's sources were. */
    public static void record(Path file, Plan plan) throws IOException {
        ObjectNode root = Files.isRegularFile(file)
                ? (ObjectNode) Json.tryParse(Files.readString(file, StandardCharsets.UTF_8))
                        .filter(JsonNode::isObject)
                        .orElse(Json.object())
                : Json.object();
        root.put("format_version", FORMAT_VERSION);
        ObjectNode targets = root.has("targets") && root.get("targets").isObject()
                ? (ObjectNode) root.get("targets")
                : root.putObject("targets");
        ObjectNode hashes = targets.putObject(plan.target());
        for (ResourceChange resource : plan.resources()) {
            if (resource.localHash() != null) {
                hashes.put(resource.address(), resource.localHash());
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, CanonicalJson.write(root), StandardCharsets.UTF_8);
    }
}
