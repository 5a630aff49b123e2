package io.kapsocode.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.InFlight;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan file, {@code target/kapso/plan.json}: documented in the README, versioned by
 * {@code format_version}, read back by {@code kapso:apply -Dkapso.planFile=...}.
 */
public final class PlanJson {

    private PlanJson() {}

    public static ObjectNode write(Plan plan) {
        ObjectNode json = Json.object();
        json.put("format_version", plan.formatVersion());
        json.put("target", plan.target());
        ObjectNode summary = json.putObject("summary");
        for (Action action : Action.values()) {
            summary.put(action.name().toLowerCase(Locale.ROOT), plan.count(action));
        }
        summary.put("has_changes", plan.hasChanges());
        ArrayNode resources = json.putArray("resources");
        for (ResourceChange resource : plan.resources()) {
            ObjectNode item = resources.addObject();
            item.put("kind", resource.kind().name().toLowerCase(Locale.ROOT));
            item.put("key", resource.key());
            item.put("action", resource.action().name().toLowerCase(Locale.ROOT));
            item.put("remote_id", resource.remoteId());
            item.put("fingerprint", resource.fingerprint());
            item.put("origin", resource.origin().name().toLowerCase(Locale.ROOT));
            item.put("local_hash", resource.localHash());
            strings(item.putArray("depends_on"), resource.dependsOn());
            strings(item.putArray("notes"), resource.notes());
            plan.inFlight(resource.key())
                    .filter(f -> resource.kind() == ResourceKind.WORKFLOW)
                    .ifPresent(f -> item.set("in_flight", inFlight(f)));
            ArrayNode changes = item.putArray("changes");
            for (FieldChange change : resource.changes()) {
                ObjectNode c = changes.addObject().put("path", change.path());
                if (!change.isAddition()) {
                    c.set("before", change.before());
                }
                if (!change.isRemoval()) {
                    c.set("after", change.after());
                }
            }
        }
        return json;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong when the file is not a plan of this format
     */
    public static Plan read(JsonNode json) {
        int version = json.path("format_version").asInt(-1);
        if (version != Plan.FORMAT_VERSION) {
            throw new IllegalArgumentException("the plan file has format_version " + json.path("format_version")
                    + ", this plugin reads " + Plan.FORMAT_VERSION + "; run kapso:plan again with this plugin");
        }
        List<ResourceChange> resources = new ArrayList<>();
        java.util.Map<String, InFlight> inFlight = new java.util.TreeMap<>();
        for (JsonNode item : json.path("resources")) {
            if (item.has("in_flight")) {
                inFlight.put(item.path("key").asText(), inFlight(item.get("in_flight")));
            }
            List<FieldChange> changes = new ArrayList<>();
            item.path("changes")
                    .forEach(c ->
                            changes.add(new FieldChange(c.path("path").asText(), c.get("before"), c.get("after"))));
            resources.add(new ResourceChange(
                    ResourceKind.valueOf(item.path("kind").asText().toUpperCase(Locale.ROOT)),
                    item.path("key").asText(),
                    Action.valueOf(item.path("action").asText().toUpperCase(Locale.ROOT)),
                    item.path("remote_id").isTextual() ? item.path("remote_id").asText() : null,
                    item.path("fingerprint").asText(),
                    changes,
                    texts(item.path("notes")),
                    texts(item.path("depends_on")),
                    item.path("local_hash").isTextual()
                            ? item.path("local_hash").asText()
                            : null,
                    item.path("origin").isTextual()
                            ? ResourceChange.Origin.valueOf(
                                    item.path("origin").asText().toUpperCase(Locale.ROOT))
                            : ResourceChange.Origin.UNKNOWN));
        }
        return new Plan(version, json.path("target").asText(), resources, inFlight);
    }

    private static ObjectNode inFlight(InFlight inFlight) {
        ObjectNode json = Json.object()
                .put("waiting", inFlight.waiting())
                .put("running", inFlight.running())
                .put("handoff", inFlight.handoff());
        ObjectNode waitingAt = json.putObject("waiting_at");
        inFlight.waitingAt().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> waitingAt.put(e.getKey(), e.getValue()));
        ArrayNode affected = json.putArray("affected");
        for (InFlight.Affected a : inFlight.affected()) {
            ObjectNode item = affected.addObject()
                    .put("workflow", a.workflow())
                    .put("node", a.node())
                    .put("impact", a.impact().wire())
                    .put("waiting", a.waiting())
                    .put("running", a.running())
                    .put("handoff", a.handoff());
            strings(item.putArray("tracking_ids"), a.trackingIds());
        }
        return json;
    }

    private static InFlight inFlight(JsonNode json) {
        List<InFlight.Affected> affected = new ArrayList<>();
        for (JsonNode a : json.path("affected")) {
            affected.add(new InFlight.Affected(
                    a.path("workflow").asText(),
                    a.path("node").asText(),
                    InFlight.Impact.valueOf(a.path("impact").asText().toUpperCase(Locale.ROOT)),
                    a.path("waiting").asInt(),
                    a.path("running").asInt(),
                    a.path("handoff").asInt(),
                    texts(a.path("tracking_ids"))));
        }
        java.util.Map<String, Integer> waitingAt = new java.util.TreeMap<>();
        json.path("waiting_at")
                .properties()
                .forEach(e -> waitingAt.put(e.getKey(), e.getValue().asInt()));
        return new InFlight(
                json.path("waiting").asInt(),
                json.path("running").asInt(),
                json.path("handoff").asInt(),
                waitingAt,
                affected);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
