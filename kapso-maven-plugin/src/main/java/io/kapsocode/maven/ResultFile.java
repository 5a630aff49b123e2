package io.kapsocode.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code target/kapso/<goal>-result.json}: how a goal ended, for CI scripts that need more than Maven's
 * exit code ({@code no_changes}, {@code changes}, {@code applied}, {@code failed}, {@code error}).
 */
final class ResultFile {

    private ResultFile() {}

    static void write(Path directory, String goal, String outcome, String message, ObjectNode details)
            throws IOException {
        ObjectNode json = details == null ? io.kapsocode.json.Json.object() : details.deepCopy();
        json.put("goal", goal);
        json.put("outcome", outcome);
        json.put("message", message);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(goal + "-result.json"), CanonicalJson.write(json), StandardCharsets.UTF_8);
    }
}
