package io.kapsocode.plan;

import java.util.List;

/**
 * The plan for one resource.
 *
 * @param kind function, WhatsApp flow or workflow
 * @param key its identity in sources: slug, or name for a WhatsApp flow
 * @param action what apply does
 * @param remoteId its remote id, when it exists remotely
 * @param fingerprint the remote state the plan was made against ({@code absent} when it does not
 *     exist); apply refuses to run when it moved
 * @param changes the field-level changes
 * @param notes what the reviewer should know (missing secrets, things Kapso cannot change)
 * @param dependsOn resources this one references, as {@code kind:key}
 * @param localHash a hash of what the sources say, as compared ({@code null} when only in Kapso)
 * @param origin which side changed since the last apply, when that apply is known
 */
public record ResourceChange(
        ResourceKind kind,
        String key,
        Action action,
        String remoteId,
        String fingerprint,
        List<FieldChange> changes,
        List<String> notes,
        List<String> dependsOn,
        String localHash,
        Origin origin) {

    /** Which side moved since the last apply of these sources to this target. */
    public enum Origin {
        /** No record of a previous apply, or nothing changed. */
        UNKNOWN,
        /** The sources changed; Kapso is as it was applied. */
        SOURCES,
        /** Kapso changed (an edit in the dashboard, another tool); the sources are as applied. */
        KAPSO,
        /** Both changed. */
        BOTH
    }

    public ResourceChange {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        dependsOn = List.copyOf(dependsOn);
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public ResourceChange(
            ResourceKind kind,
            String key,
            Action action,
            String remoteId,
            String fingerprint,
            List<FieldChange> changes,
            List<String> notes,
            List<String> dependsOn) {
        this(kind, key, action, remoteId, fingerprint, changes, notes, dependsOn, null, Origin.UNKNOWN);
    }

    /** The same, with one more note. */
    public ResourceChange withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new ResourceChange(
                kind, key, action, remoteId, fingerprint, changes, more, dependsOn, localHash, origin);
    }

    /** The same, with its views' hashes and the origin of its changes. */
    public ResourceChange withHashes(String local, Origin changedOn) {
        return new ResourceChange(
                kind, key, action, remoteId, fingerprint, changes, notes, dependsOn, local, changedOn);
    }

    /** {@code workflow 'order-status'}. */
    public String subject() {
        return kind.label() + " '" + key + "'";
    }

    /** {@code workflow:order-status}, how other resources name it in {@link #dependsOn()}. */
    public String address() {
        return kind.address(key);
    }

    public boolean has(String pathPrefix) {
        return changes.stream().anyMatch(c -> c.under(pathPrefix));
    }
}
