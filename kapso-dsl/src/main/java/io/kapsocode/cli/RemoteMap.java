package io.kapsocode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Kapso CLI's {@code .kapso/remote-map.json} (contract §G.5): the remote id of each function and
 * workflow of a CLI tree, by slug. Empty when a folder has none.
 */
public final class RemoteMap {

    public static final String FILE = ".kapso/remote-map.json";

    private final JsonNode root;

    private RemoteMap(JsonNode root) {
        this.root = root;
    }

    /** The map of the first of these folders that has one; empty when none has (or it is not JSON). */
    public static RemoteMap read(Path... folders) throws IOException {
        for (Path folder : folders) {
            Path file = folder.resolve(FILE);
            if (Files.isRegularFile(file)) {
                return new RemoteMap(Json.tryParse(Files.readString(file, StandardCharsets.UTF_8))
                        .orElse(Json.object()));
            }
        }
        return new RemoteMap(Json.object());
    }

    /** The id of {@code slug}; {@code kind} is {@code functions} or {@code workflows}. */
    public Optional<String> id(String kind, String slug) {
        JsonNode id = root.path(kind).path(slug).path("id");
        return id.isTextual() && !id.textValue().isBlank() ? Optional.of(id.textValue()) : Optional.empty();
    }

    /** The slug whose entry has this id. */
    public Optional<String> slug(String kind, String id) {
        for (var entry : root.path(kind).properties()) {
            if (id.equals(entry.getValue().path("id").asText())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}
