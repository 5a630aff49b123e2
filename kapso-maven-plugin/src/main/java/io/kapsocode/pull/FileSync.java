package io.kapsocode.pull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pulled files against the files on disk: which are new, which differ, which are the same. */
public final class FileSync {

    /** What writing one file would do. */
    public enum Change {
        CREATE,
        /** The file exists with other content: a local edit, or a change made in Kapso. */
        OVERWRITE,
        UNCHANGED
    }

    /** One file and what writing it would do. */
    public record FileChange(String path, Change change) {}

    private FileSync() {}

    public static List<FileChange> compare(Path root, Map<String, String> files) throws IOException {
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Change change;
            if (!Files.exists(target)) {
                change = Change.CREATE;
            } else if (Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
                change = Change.UNCHANGED;
            } else {
                change = Change.OVERWRITE;
            }
            changes.add(new FileChange(file.getKey(), change));
        }
        return changes;
    }

    /** Writes the files that are new or differ. */
    public static void write(Path root, Map<String, String> files, List<FileChange> changes) throws IOException {
        for (FileChange change : changes) {
            if (change.change() != Change.UNCHANGED) {
                Path target = root.resolve(change.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, files.get(change.path()), StandardCharsets.UTF_8);
            }
        }
    }
}
