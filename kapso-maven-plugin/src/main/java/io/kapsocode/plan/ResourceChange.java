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
 */
public record ResourceChange(
        ResourceKind kind,
        String key,
        Action action,
        String remoteId,
        String fingerprint,
        List<FieldChange> changes,
        List<String> notes,
        List<String> dependsOn) {

    public ResourceChange {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        dependsOn = List.copyOf(dependsOn);
    }

    /** {@code workflow 'order-status'}. */
    public String subject() {
        return kind.label() + " '" + key + "'";
    }

    /** {@code workflow:order-status}, how other resources name it in {@link #dependsOn()}. */
    public String address() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
    }

    public boolean has(String pathPrefix) {
        return changes.stream().anyMatch(c -> c.under(pathPrefix));
    }
}
