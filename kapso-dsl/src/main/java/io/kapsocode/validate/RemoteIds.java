package io.kapsocode.validate;

import io.kapsocode.codec.FieldShape;
import io.kapsocode.codec.RecordShape;
import io.kapsocode.model.IdKeys;
import io.kapsocode.model.Node;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * References by Kapso id ({@code function_id}, {@code workflow_id}, {@code provider_model_id},
 * {@code whatsapp_config_id}, {@code flow_id}), as GET /definition and exported projects write them. They
 * are valid, but tie the sources to one Kapso project, so each is a warning naming the portable form;
 * {@code kapso:plan} checks that the id exists. A placeholder left in an example ({@code FUNCTION_ID_HERE},
 * {@code <<FUNCTION_ID_X>>}) is an error: nothing can resolve it.
 */
final class RemoteIds {

    private static final Map<String, String> PORTABLE = IdKeys.PORTABLE;

    /**
     * A Meta flow id is how a node opens a flow that this project does not manage, which no name can
     * replace: it gets the placeholder check, not the warning.
     */
    private static final String META_FLOW_ID = "flow_id";

    /** Kapso's own ids are UUIDs; Meta's flow ids and the legacy sender ids are checked for placeholders only. */
    private static final List<String> UUID_KEYS = List.of("function_id", "workflow_id");

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** {@code <<X>>}, {@code {X}}, {@code YOUR_ID}, {@code FUNCTION_ID_HERE}, {@code TODO}. */
    private static final Pattern PLACEHOLDER =
            Pattern.compile(".*[<>{}\\s].*|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|TODO|TBD|XXX+|CHANGEME|REPLACE_?ME");

    private RemoteIds() {}

    static void check(Node node, String path, String owner, Findings findings) {
        record(node.config(), path, owner, findings);
    }

    private static void record(Object record, String path, String owner, Findings findings) {
        RecordShape shape = RecordShape.of(record.getClass());
        for (FieldShape field : shape.fields().values()) {
            Object value = shape.value(record, field);
            String key = field.wireName();
            if (value instanceof String id && PORTABLE.containsKey(key) && !id.isBlank()) {
                FieldShape portable = shape.fields().get(PORTABLE.get(key));
                boolean alone = portable == null || shape.value(record, portable) == null;
                id(key, id, alone, path + "." + key, owner, findings);
            } else if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) != null && items.get(i).getClass().isRecord()) {
                        record(
                                items.get(i),
                                path + "." + key + "." + i,
                                "item " + i + " of '" + key + "' of " + owner,
                                findings);
                    }
                }
            }
        }
    }

    /** @param alone whether the id is the only reference (beside the portable form, plan checks they agree) */
    private static void id(String key, String id, boolean alone, String path, String owner, Findings findings) {
        String portable = PORTABLE.get(key);
        if (PLACEHOLDER.matcher(id).matches()) {
            findings.error(
                    "placeholder_reference",
                    path,
                    owner + " has the placeholder '" + id + "' as its " + key + "; put a real Kapso id there, or"
                            + " name it by '" + portable + "'");
        } else if (UUID_KEYS.contains(key) && !UUID.matcher(id).matches()) {
            findings.error(
                    "invalid_value",
                    path,
                    owner + " has " + key + " '" + id + "', which is not a Kapso id (a UUID); name it by '" + portable
                            + "' instead");
        } else if (alone && !key.equals(META_FLOW_ID)) {
            findings.warning(
                    "remote_id_reference",
                    path,
                    owner + " names it by " + key + " '" + id + "', which ties the sources to one Kapso project;"
                            + " name it by '" + portable + "' instead"
                            + (IdKeys.NAMED_BY_LISTS.contains(key) ? " (kapso:migrate rewrites ids to names)" : ""));
        }
    }
}
