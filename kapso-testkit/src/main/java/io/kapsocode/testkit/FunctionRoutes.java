package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.testkit.KapsoEmulator.Reply;
import io.kapsocode.validate.Slugs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulated functions: created as {@code draft}, saved code does not deploy, a deploy answers 202 and
 * finishes after a few reads (as Kapso's takes 10–60 s), secrets only on a deployed function and never
 * listed with their values.
 */
final class FunctionRoutes {

    private static final Pattern FUNCTION = Pattern.compile("^/functions/([^/]+)$");
    private static final Pattern DEPLOY = Pattern.compile("^/functions/([^/]+)/deploy$");
    private static final Pattern SECRETS = Pattern.compile("^/functions/([^/]+)/secrets$");
    private static final Pattern SECRET = Pattern.compile("^/functions/([^/]+)/secrets/([^/]+)$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9-]+$");
    private static final Pattern SECRET_NAME = Pattern.compile("^[A-Z0-9_]+$");
    private static final Set<String> TYPES = Set.of("cloudflare_worker", "supabase_function");
    private static final int MAX_CODE_BYTES = 1024 * 1024;

    /** Reads of a deploying function before it reports {@code deployed}. */
    static final int DEPLOY_READS = 2;

    private final Map<String, ObjectNode> functions = new LinkedHashMap<>();
    private final Map<String, Integer> deployReadsLeft = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    private final String projectId = UUID.randomUUID().toString();
    private volatile boolean failNextDeploy;

    /** Makes the next deploy end in {@code error}, as a syntax error in the code would. */
    void failNextDeploy() {
        failNextDeploy = true;
    }

    /** Functions and their secret names; secret values are never written, only their names. */
    synchronized void snapshot(ObjectNode into) {
        ArrayNode list = into.putArray("functions");
        functions.values().forEach(f -> list.add(f.deepCopy()));
        ObjectNode names = into.putObject("function_secret_names");
        secrets.forEach((id, values) -> values.keySet().forEach(names.withArray(id)::add));
    }

    synchronized void restore(JsonNode from) {
        functions.clear();
        secrets.clear();
        deployReadsLeft.clear();
        from.path("functions").forEach(f -> functions.put(f.path("id").asText(), (ObjectNode) f.deepCopy()));
        from.path("function_secret_names").properties().forEach(e -> {
            Map<String, String> values = secrets.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
            e.getValue().forEach(name -> values.put(name.asText(), ""));
        });
    }

    /** A deployed function, as a seeded project holds it. */
    synchronized void seed(String id, String slug, String name, String code, String type, String description) {
        ObjectNode function = newFunction(id, name, slug, type, false)
                .put("status", "deployed")
                .put("version", 1)
                .put("code", code);
        function.set("last_deployed_at", function.get("created_at"));
        function.set("description", Json.valueOf(description));
        functions.put(id, function);
    }

    /** A new function's fields as Kapso lists them: a draft, never deployed. */
    private ObjectNode newFunction(String id, String name, String slug, String type, boolean publicEndpoint) {
        String now = Instant.now().toString();
        ObjectNode function = Json.object()
                .put("id", id)
                .put("name", name)
                .put("slug", slug)
                .put("lock_version", 1)
                .put("status", "draft")
                .put("function_type", type)
                .put("invoke_response_mode", "passthrough")
                .put("public_endpoint", publicEndpoint)
                .put("endpoint_url", "https://api.kapso.ai/platform/v1/functions/" + id + "/invoke")
                .put("project_id", projectId)
                .put("created_at", now)
                .put("updated_at", now);
        function.putNull("description");
        function.putNull("version");
        function.putNull("last_deployed_at");
        function.putNull("runtime_config");
        return function;
    }

    synchronized List<ObjectNode> all() {
        return functions.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<String> name(String id) {
        return Optional.ofNullable(functions.get(id)).map(f -> f.path("name").asText());
    }

    /** The secret names and values set on a function, for tests. */
    synchronized Map<String, String> secrets(String functionId) {
        return Map.copyOf(secrets.getOrDefault(functionId, Map.of()));
    }

    synchronized Optional<Reply> route(EmulatorState state, String method, String path, JsonNode body) {
        Matcher m;
        if (path.equals("/functions")) {
            return Optional.of(
                    switch (method) {
                        case "GET" -> Reply.data(200, array(all()));
                        case "POST" -> {
                            state.countWrite();
                            yield create(body.path("function"));
                        }
                        default -> Reply.error(404, "Not found");
                    });
        }
        if ((m = FUNCTION.matcher(path)).matches()) {
            String id = m.group(1);
            ObjectNode function = functions.get(id);
            if (function == null) {
                return Optional.of(Reply.error(404, "Function not found"));
            }
            return Optional.of(
                    switch (method) {
                        case "GET" -> Reply.data(200, read(id));
                        case "PATCH" -> {
                            state.countWrite();
                            yield update(id, body.path("function"));
                        }
                        case "DELETE" -> {
                            state.countWrite();
                            functions.remove(id);
                            secrets.remove(id);
                            yield new Reply(204, null);
                        }
                        default -> Reply.error(404, "Not found");
                    });
        }
        if ((m = DEPLOY.matcher(path)).matches() && method.equals("POST")) {
            String id = m.group(1);
            if (!functions.containsKey(id)) {
                return Optional.of(Reply.error(404, "Function not found"));
            }
            state.countWrite();
            // reads keep the previous status until the deploy ends: the spec's status has no 'deploying'
            deployReadsLeft.put(id, DEPLOY_READS);
            ObjectNode reply = Json.object()
                    .put("message", "Function deployment initiated")
                    .put("function_id", id)
                    .put("status", "deploying");
            return Optional.of(new Reply(202, reply));
        }
        if ((m = SECRETS.matcher(path)).matches()) {
            String id = m.group(1);
            if (!functions.containsKey(id)) {
                return Optional.of(Reply.error(404, "Function not found"));
            }
            Map<String, String> values = secrets.computeIfAbsent(id, k -> new LinkedHashMap<>());
            if (method.equals("GET")) {
                ArrayNode names = Json.array();
                if (deployed(id)) {
                    values.forEach(
                            (name, value) -> names.addObject().put("name", name).put("type", "text"));
                }
                return Optional.of(Reply.data(200, names));
            }
            if (method.equals("POST")) {
                state.countWrite();
                JsonNode secret = body.path("secret");
                if (!deployed(id)) {
                    return Optional.of(Reply.error(422, "Function must be deployed before managing secrets"));
                }
                if (!SECRET_NAME.matcher(secret.path("name").asText("")).matches() || !secret.has("value")) {
                    return Optional.of(Reply.error(422, "Secret name must match ^[A-Z0-9_]+$ and have a value"));
                }
                JsonNode value = secret.get("value");
                values.put(secret.path("name").asText(), value.isTextual() ? value.textValue() : Json.compact(value));
                return Optional.of(new Reply(201, Json.object().put("message", "Secret created")));
            }
        }
        if ((m = SECRET.matcher(path)).matches() && method.equals("DELETE")) {
            state.countWrite();
            Map<String, String> values = secrets.get(m.group(1));
            if (values == null || values.remove(m.group(2)) == null) {
                return Optional.of(Reply.error(404, "Secret not found"));
            }
            return Optional.of(new Reply(204, null));
        }
        return Optional.empty();
    }

    private boolean deployed(String id) {
        return functions.get(id).path("status").asText().equals("deployed");
    }

    /** A read advances a deploy: after {@link #DEPLOY_READS} reads it has finished. */
    private ObjectNode read(String id) {
        ObjectNode function = functions.get(id);
        Integer left = deployReadsLeft.get(id);
        if (left != null) {
            if (left <= 1) {
                deployReadsLeft.remove(id);
                boolean failed = failNextDeploy;
                failNextDeploy = false;
                function.put("status", failed ? "error" : "deployed");
                if (!failed) {
                    function.put("version", function.path("version").asInt(0) + 1);
                    function.put("last_deployed_at", Instant.now().toString());
                }
            } else {
                deployReadsLeft.put(id, left - 1);
            }
        }
        return function.deepCopy();
    }

    private Reply create(JsonNode input) {
        String name = input.path("name").asText("");
        if (name.isBlank() || !input.path("code").isTextual()) {
            return Reply.error(422, "Name and code are required");
        }
        String slug = input.path("slug").isTextual() ? input.path("slug").textValue() : Slugs.suggest(name);
        if (!SLUG.matcher(slug).matches()) {
            return Reply.error(422, "Slug is invalid");
        }
        if (functions.values().stream().anyMatch(f -> f.path("slug").asText().equals(slug))) {
            return Reply.error(422, "Slug has already been taken");
        }
        String type = input.path("function_type").asText("cloudflare_worker");
        if (!TYPES.contains(type)) {
            return Reply.error(422, "Function type is not included in the list");
        }
        if (input.path("code").textValue().getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            return Reply.error(422, "Code is too long (maximum is 1 MB)");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode function =
                newFunction(id, name, slug, type, input.path("public_endpoint").asBoolean(false));
        if (input.has("description")) {
            function.set("description", input.get("description"));
        }
        function.set("code", input.get("code"));
        if (input.has("runtime_config")) {
            function.set("runtime_config", input.get("runtime_config"));
        }
        functions.put(id, function);
        return Reply.data(201, function.deepCopy());
    }

    private Reply update(String id, JsonNode input) {
        ObjectNode function = functions.get(id);
        if (input.has("lock_version")
                && input.path("lock_version").asInt()
                        != function.path("lock_version").asInt()) {
            return Reply.error(409, "Function has been modified by someone else (stale lock_version)");
        }
        if (input.has("slug")) {
            String slug = input.path("slug").asText();
            if (!SLUG.matcher(slug).matches()
                    || functions.values().stream()
                            .anyMatch(f -> f.path("slug").asText().equals(slug)
                                    && !f.path("id").asText().equals(id))) {
                return Reply.error(422, "Slug is invalid or already taken");
            }
        }
        for (String key : List.of(
                "name", "slug", "description", "code", "invoke_response_mode", "runtime_config", "public_endpoint")) {
            if (input.has(key)) {
                function.set(key, input.get(key));
            }
        }
        function.put("lock_version", function.path("lock_version").asInt() + 1);
        function.put("updated_at", Instant.now().toString());
        return Reply.data(200, function.deepCopy());
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = Json.array();
        items.forEach(array::add);
        return array;
    }
}
