package io.kapsocode.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workflow definitions last read from one target, with the {@code lock_version} and
 * {@code updated_at} they were read at: while the workflow list shows both unchanged, the definition is
 * taken from here instead of {@code GET /workflows/{id}/definition}. Kapso increments
 * {@code lock_version} on every update (OpenAPI spec, {@code Workflow.lock_version}) and sets
 * {@code updated_at}; a workflow whose list entry moved is read again. The file only saves requests:
 * deleting it is always safe, and a cache that lies cannot make an apply overwrite a remote change,
 * because apply reads the definition again right before writing it and stops when it differs from the
 * one planned against.
 */
public final class DefinitionCache {

    static final int FORMAT_VERSION = 1;

    private final Path file;
    private final String target;
    private final boolean refresh;
    private final Map<String, ObjectNode> entries = new ConcurrentHashMap<>();
    private volatile int hits;

    private DefinitionCache(Path file, String target, boolean refresh) {
        this.file = file;
        this.target = target;
        this.refresh = refresh;
    }

    /**
     * The cache of {@code target} kept in {@code file}; an unreadable file or one of another target or
     * format is an empty cache.
     *
     * @param refresh whether to read every definition again (the file is still rewritten from the reads)
     */
    public static DefinitionCache open(Path file, String target, boolean refresh) {
        DefinitionCache cache = new DefinitionCache(file, target, refresh);
        if (!refresh && Files.isRegularFile(file)) {
            try {
                JsonNode json = Json.tryParse(Files.readString(file, StandardCharsets.UTF_8))
                        .orElse(Json.object());
                if (json.path("format_version").asInt() == FORMAT_VERSION
                        && target.equals(json.path("target").asText())) {
                    json.path("workflows").properties().forEach(e -> {
                        if (e.getValue().isObject()) {
                            cache.entries.put(e.getKey(), (ObjectNode) e.getValue());
                        }
                    });
                }
            } catch (IOException e) {
                // an unreadable cache is an empty one: every definition is read
            }
        }
        return cache;
    }

    /** A cache that keeps nothing: every definition is read. */
    public static DefinitionCache none() {
        return new DefinitionCache(null, "", true);
    }

    /** The definition read when the workflow's list entry looked as it does now, if there is one. */
    Optional<ObjectNode> lookup(ObjectNode listed) {
        ObjectNode entry = entries.get(listed.path("id").asText());
        if (refresh || entry == null) {
            return Optional.empty();
        }
        boolean same = entry.path("lock_version").equals(listed.path("lock_version"))
                && !listed.path("lock_version").isMissingNode()
                && entry.path("updated_at").equals(listed.path("updated_at"));
        if (!same || !entry.path("workflow").isObject()) {
            return Optional.empty();
        }
        hits++;
        return Optional.of(((ObjectNode) entry.get("workflow")).deepCopy());
    }

    /** Keeps a definition just read, with the list entry's version. */
    void remember(ObjectNode listed, ObjectNode read) {
        ObjectNode entry = Json.object();
        entry.set("lock_version", listed.path("lock_version"));
        entry.set("updated_at", listed.path("updated_at"));
        entry.set("workflow", read.deepCopy());
        entries.put(listed.path("id").asText(), entry);
    }

    /** Definitions taken from the cache in this run. */
    public int hits() {
        return hits;
    }

    /**
     * Writes the cache, keeping only the workflows the list still shows (written to a temporary file,
     * then moved, so that a run cut short never leaves half a file).
     */
    public void save(java.util.Set<String> listedIds) throws IOException {
        if (file == null) {
            return;
        }
        ObjectNode json = Json.object().put("format_version", FORMAT_VERSION).put("target", target);
        ObjectNode workflows = json.putObject("workflows");
        new java.util.TreeMap<>(entries).forEach((id, entry) -> {
            if (listedIds.contains(id)) {
                workflows.set(id, entry);
            }
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, CanonicalJson.write(json), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
