package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.testkit.KapsoEmulator.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated platform resources: WhatsApp flows and their versions (no request envelope, page-based
 * lists), phone numbers (page-based) and provider models (one list).
 */
final class PlatformRoutes {

    private static final Pattern FLOW = Pattern.compile("^/whatsapp/flows/([^/]+)$");
    private static final Pattern VERSIONS = Pattern.compile("^/whatsapp/flows/([^/]+)/versions$");
    private static final Pattern VERSION = Pattern.compile("^/whatsapp/flows/([^/]+)/versions/([^/]+)$");
    private static final Pattern PUBLISH = Pattern.compile("^/whatsapp/flows/([^/]+)/publish$");

    private final Map<String, ObjectNode> flows = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> phoneNumbers = new LinkedHashMap<>();
    private final List<ObjectNode> providerModels = new java.util.concurrent.CopyOnWriteArrayList<>();

    synchronized List<ObjectNode> all() {
        return flows.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized void addPhoneNumber(String phoneNumberId, String displayNumber) {
        phoneNumbers.put(
                phoneNumberId,
                Json.object()
                        .put("id", UUID.randomUUID().toString())
                        .put("phone_number_id", phoneNumberId)
                        .put("display_phone_number", displayNumber)
                        .put("business_account_id", "1029384756"));
    }

    synchronized void snapshot(ObjectNode into) {
        ArrayNode list = into.putArray("whatsapp_flows");
        flows.values().forEach(f -> list.add(f.deepCopy()));
        ObjectNode byFlow = into.putObject("whatsapp_flow_versions");
        versions.forEach((id, items) -> items.forEach(v -> byFlow.withArray(id).add(v.deepCopy())));
        ArrayNode numbers = into.putArray("phone_numbers");
        phoneNumbers.values().forEach(n -> numbers.add(n.deepCopy()));
        ArrayNode models = into.putArray("provider_models");
        providerModels.forEach(m -> models.add(m.deepCopy()));
    }

    synchronized void restore(JsonNode from) {
        flows.clear();
        versions.clear();
        phoneNumbers.clear();
        providerModels.clear();
        from.path("whatsapp_flows").forEach(f -> flows.put(f.path("id").asText(), (ObjectNode) f.deepCopy()));
        from.path("whatsapp_flow_versions").properties().forEach(e -> {
            List<ObjectNode> items = new ArrayList<>();
            e.getValue().forEach(v -> items.add((ObjectNode) v.deepCopy()));
            versions.put(e.getKey(), items);
        });
        from.path("phone_numbers")
                .forEach(n -> phoneNumbers.put(n.path("phone_number_id").asText(), (ObjectNode) n.deepCopy()));
        from.path("provider_models").forEach(m -> providerModels.add((ObjectNode) m.deepCopy()));
    }

    /** Replaces the model catalogue. */
    void setProviderModels(List<String> names) {
        providerModels.clear();
        names.forEach(this::addProviderModel);
    }

    void addProviderModel(String name) {
        providerModels.add(Json.object().put("id", UUID.randomUUID().toString()).put("name", name));
    }

    /** A provider model by id or name, as {@code {id, name}}; lock-free, as the workflow routes ask. */
    Optional<ObjectNode> providerModel(String idOrName) {
        return providerModels.stream()
                .filter(m -> m.path("id").asText().equals(idOrName)
                        || m.path("name").asText().equals(idOrName))
                .findFirst()
                .map(ObjectNode::deepCopy);
    }

    synchronized Optional<Reply> route(EmulatorState state, String method, String path, String query, JsonNode body) {
        Map<String, String> parameters = Query.parse(query);
        Matcher m;
        if (path.equals("/provider_models") && method.equals("GET")) {
            return Optional.of(Reply.data(200, array(providerModels)));
        }
        if (path.equals("/whatsapp/phone_numbers") && method.equals("GET")) {
            return Optional.of(page(new ArrayList<>(phoneNumbers.values()), parameters));
        }
        if (path.equals("/whatsapp/flows")) {
            if (method.equals("GET")) {
                return Optional.of(page(new ArrayList<>(flows.values()), parameters));
            }
            if (method.equals("POST")) {
                state.countWrite();
                return Optional.of(createFlow(body));
            }
        }
        if ((m = FLOW.matcher(path)).matches() && method.equals("GET")) {
            return Optional.of(Optional.ofNullable(flows.get(m.group(1)))
                    .map(f -> Reply.data(200, f.deepCopy()))
                    .orElseGet(() -> Reply.error(404, "Flow not found")));
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            String id = m.group(1);
            if (!flows.containsKey(id)) {
                return Optional.of(Reply.error(404, "Flow not found"));
            }
            if (method.equals("GET")) {
                List<ObjectNode> newestFirst = new ArrayList<>();
                versions.getOrDefault(id, List.of()).forEach(v -> {
                    ObjectNode summary = v.deepCopy();
                    summary.remove("flow_json"); // only the version detail holds it
                    newestFirst.add(0, summary);
                });
                return Optional.of(page(newestFirst, parameters));
            }
            if (method.equals("POST")) {
                state.countWrite();
                List<String> problems = flowJsonProblems(body.path("flow_json"));
                if (!problems.isEmpty()) {
                    return Optional.of(invalidFlow(problems));
                }
                return Optional.of(Reply.data(201, addVersion(id, body.path("flow_json"))));
            }
        }
        if ((m = VERSION.matcher(path)).matches() && method.equals("GET")) {
            String versionId = m.group(2);
            return Optional.of(versions.getOrDefault(m.group(1), List.of()).stream()
                    .filter(v -> v.path("id").asText().equals(versionId))
                    .findFirst()
                    .map(v -> Reply.data(200, v.deepCopy()))
                    .orElseGet(() -> Reply.error(404, "Flow version not found")));
        }
        if ((m = PUBLISH.matcher(path)).matches() && method.equals("POST")) {
            state.countWrite();
            ObjectNode flow = flows.get(m.group(1));
            if (flow == null) {
                return Optional.of(Reply.error(404, "Flow not found"));
            }
            flow.put("status", "published")
                    .put("published_at", Instant.now().toString())
                    .putNull("preview_url");
            List<ObjectNode> history = versions.get(flow.path("id").asText());
            history.get(history.size() - 1)
                    .put("status", "published")
                    .put("published_at", Instant.now().toString());
            return Optional.of(Reply.data(200, flow.deepCopy()));
        }
        return Optional.empty();
    }

    private Reply createFlow(JsonNode body) {
        String phone = body.path("phone_number_id").asText("");
        if (phone.isBlank()) {
            return Reply.error(422, "phone_number_id is required");
        }
        if (!phoneNumbers.isEmpty() && !phoneNumbers.containsKey(phone)) {
            return Reply.error(404, "Phone number not found");
        }
        JsonNode flowJson = body.has("flow_json") ? body.get("flow_json") : defaultFlowJson();
        List<String> problems = flowJsonProblems(flowJson);
        if (!problems.isEmpty()) {
            return invalidFlow(problems);
        }
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        ObjectNode flow = Json.object()
                .put("id", id)
                .put(
                        "meta_flow_id",
                        String.valueOf(1_000_000_000_000_000L
                                + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L)))
                .put("name", body.path("name").asText("Flow " + now))
                .put("status", "draft")
                .put("json_version", flowJson.path("version").asText())
                .put("business_account_id", "1029384756")
                .put("preview_url", "https://business.facebook.com/wa/manage/flows/preview/" + id)
                .put("phone_number_id", phone)
                .put("has_data_endpoint", false)
                .put("flows_encryption_configured", false)
                .put("created_at", now)
                .put("updated_at", now);
        flow.putNull("published_at");
        flow.putNull("data_endpoint_function_id");
        flows.put(id, flow);
        addVersion(id, flowJson);
        if (body.path("publish").asBoolean(false)) {
            flow.put("status", "published").put("published_at", now);
        }
        return Reply.data(201, flow.deepCopy());
    }

    private ObjectNode addVersion(String flowId, JsonNode flowJson) {
        List<ObjectNode> history = versions.computeIfAbsent(flowId, k -> new ArrayList<>());
        ObjectNode version = Json.object()
                .put("id", UUID.randomUUID().toString())
                .put("version_label", "v" + (history.size() + 1))
                .put("status", "draft")
                .put("flow_json_sha", sha256(CanonicalJson.write(flowJson)))
                .put("created_at", Instant.now().toString())
                .put("updated_at", Instant.now().toString());
        version.putNull("published_at");
        version.set("validation_errors", Json.array());
        version.set("flow_json", flowJson.deepCopy());
        history.add(version);
        flows.get(flowId).put("updated_at", Instant.now().toString());
        return version.deepCopy();
    }

    /** Meta's first checks on Flow JSON: a string version and at least one screen with an id. */
    static List<String> flowJsonProblems(JsonNode flowJson) {
        List<String> problems = new ArrayList<>();
        if (!flowJson.path("version").isTextual()) {
            problems.add("Flow JSON needs a string 'version'");
        }
        if (!flowJson.path("screens").isArray() || flowJson.path("screens").isEmpty()) {
            problems.add("Flow JSON needs at least one screen");
        } else {
            flowJson.path("screens").forEach(screen -> {
                if (!screen.path("id").isTextual()) {
                    problems.add("every screen needs an 'id'");
                }
            });
        }
        return problems;
    }

    private static Reply invalidFlow(List<String> problems) {
        ObjectNode body = Json.object().put("error", "Flow JSON is invalid");
        ArrayNode errors = body.putArray("validation_errors");
        problems.forEach(errors::add);
        return new Reply(422, body);
    }

    private static JsonNode defaultFlowJson() {
        return Json.tryParse("{\"version\": \"7.3\", \"screens\": [{\"id\": \"WELCOME\", \"title\": \"Welcome\","
                        + " \"terminal\": true, \"layout\": {\"type\": \"SingleColumnLayout\", \"children\": []}}]}")
                .orElseThrow();
    }

    /** A page of {@code items}: {@code page} (from 1), {@code per_page} (default 20, at most 100). */
    static Reply page(List<ObjectNode> items, Map<String, String> parameters) {
        int perPage = Math.max(1, Math.min(100, Query.integer(parameters, "per_page", 20)));
        int page = Math.max(1, Query.integer(parameters, "page", 1));
        int totalPages = Math.max(1, (items.size() + perPage - 1) / perPage);
        int from = Math.min(items.size(), (page - 1) * perPage);
        int to = Math.min(items.size(), from + perPage);
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        items.subList(from, to).forEach(item -> data.add(item.deepCopy()));
        body.putObject("meta")
                .put("page", page)
                .put("per_page", perPage)
                .put("total_pages", totalPages)
                .put("total_count", items.size());
        return new Reply(200, body);
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = Json.array();
        items.forEach(item -> array.add(item.deepCopy()));
        return array;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
