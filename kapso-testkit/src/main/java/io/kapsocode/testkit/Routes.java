package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.testkit.KapsoEmulator.Reply;
import io.kapsocode.validate.Slugs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulated endpoints: workflows, definitions and triggers, with Kapso's statuses and messages. */
final class Routes {

    private static final Pattern WORKFLOW = Pattern.compile("^/workflows/([^/]+)$");
    private static final Pattern DEFINITION = Pattern.compile("^/workflows/([^/]+)/definition$");
    private static final Pattern WORKFLOW_TRIGGERS = Pattern.compile("^/workflows/([^/]+)/triggers$");
    private static final Pattern TRIGGER = Pattern.compile("^/triggers/([^/]+)$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Set<String> STATUSES = Set.of("draft", "active", "archived");
    private static final Set<String> READ_MODES = Set.of("disabled", "read_only", "read_with_typing");
    private static final Set<String> EVENTS = Set.of(
            "whatsapp.message.received",
            "whatsapp.message.sent",
            "whatsapp.message.failed",
            "whatsapp.conversation.created",
            "whatsapp.conversation.ended");

    private Routes() {}

    static Reply route(EmulatorState state, String method, String path, String query, JsonNode body) {
        Matcher m;
        if (path.equals("/workflows")) {
            return switch (method) {
                case "GET" -> Reply.data(200, array(state.workflows()));
                case "POST" -> write(state, () -> createWorkflow(state, body.path("workflow")));
                default -> notAllowed();
            };
        }
        if ((m = WORKFLOW.matcher(path)).matches()) {
            String id = m.group(1);
            return switch (method) {
                case "GET" -> state.workflow(id).map(w -> Reply.data(200, w)).orElseGet(() -> notFound("Workflow"));
                case "PATCH" ->
                    write(
                            state,
                            () -> updateWorkflow(
                                    state, id, body.has("workflow") ? body.path("workflow") : body.path("flow")));
                default -> notAllowed();
            };
        }
        if ((m = DEFINITION.matcher(path)).matches() && method.equals("GET")) {
            String id = m.group(1);
            return state.workflow(id)
                    .map(w -> {
                        w.set("definition", state.definition(id));
                        return Reply.data(200, w);
                    })
                    .orElseGet(() -> notFound("Workflow"));
        }
        if ((m = WORKFLOW_TRIGGERS.matcher(path)).matches()) {
            String id = m.group(1);
            if (state.workflow(id).isEmpty()) {
                return notFound("Workflow");
            }
            return switch (method) {
                case "GET" -> Reply.data(200, array(state.triggers(id)));
                case "POST" ->
                    write(
                            state,
                            () -> trigger(id, body.path("trigger"))
                                    .map(t -> state.inboundConflict(t)
                                            .map(conflict -> Reply.error(422, conflict))
                                            .orElseGet(() -> Reply.data(201, state.addTrigger(t))))
                                    .orElseGet(() -> Reply.error(422, "Invalid trigger")));
                case "PUT" -> write(state, () -> replaceTriggers(state, id, body.path("triggers")));
                default -> notAllowed();
            };
        }
        if ((m = TRIGGER.matcher(path)).matches()) {
            String id = m.group(1);
            Optional<ObjectNode> trigger = state.trigger(id);
            if (trigger.isEmpty()) {
                return notFound("Trigger");
            }
            return switch (method) {
                case "PATCH" ->
                    write(state, () -> {
                        JsonNode active = body.path("trigger").path("active");
                        if (!active.isBoolean()) {
                            return Reply.error(422, "Only active can be changed");
                        }
                        ObjectNode changed = trigger.get().put("active", active.booleanValue());
                        changed.put("updated_at", Instant.now().toString());
                        Optional<String> conflict = state.inboundConflict(changed);
                        if (conflict.isPresent()) {
                            return Reply.error(422, conflict.get());
                        }
                        return Reply.data(200, state.addTrigger(changed));
                    });
                case "DELETE" ->
                    write(state, () -> {
                        state.removeTrigger(id);
                        return new Reply(204, null);
                    });
                default -> notAllowed();
            };
        }
        return state.functionRoutes()
                .route(state, method, path, body)
                .or(() -> state.executionRoutes().route(state, method, path, query, body))
                .or(() -> state.platformRoutes().route(state, method, path, query, body))
                .orElseGet(() -> Reply.error(404, "Not found"));
    }

    /** Counts a write, then does it. */
    static Reply write(EmulatorState state, java.util.function.Supplier<Reply> action) {
        state.countWrite();
        return action.get();
    }

    /** Check and write under the state's lock: two racing creates cannot both take a slug. */
    private static Reply createWorkflow(EmulatorState state, JsonNode input) {
        synchronized (state) {
            return createWorkflowLocked(state, input);
        }
    }

    private static Reply createWorkflowLocked(EmulatorState state, JsonNode input) {
        if (!input.isObject()) {
            return Reply.error(422, "workflow is required");
        }
        String name = input.path("name").asText("");
        if (name.isBlank()) {
            return Reply.error(422, "Name can't be blank");
        }
        String slug = input.path("slug").isTextual() ? input.path("slug").textValue() : Slugs.suggest(name);
        if (!SLUG.matcher(slug).matches()) {
            return Reply.error(422, "Slug is invalid");
        }
        if (state.slugTaken(slug, "")) {
            return Reply.error(422, "Slug has already been taken");
        }
        Optional<String> badReference = state.referenceProblem(input.path("definition"));
        if (badReference.isPresent()) {
            return Reply.error(422, badReference.get());
        }
        ObjectNode created = state.createWorkflow(name, slug, input.get("description"));
        if (input.has("definition")) {
            state.applyDefinition(created.path("id").asText(), input.path("definition"));
        }
        return Reply.data(201, created);
    }

    /** Check and write under the state's lock: two racing writers cannot both pass the lock_version check. */
    private static Reply updateWorkflow(EmulatorState state, String id, JsonNode input) {
        synchronized (state) {
            return updateWorkflowLocked(state, id, input);
        }
    }

    private static Reply updateWorkflowLocked(EmulatorState state, String id, JsonNode input) {
        Optional<ObjectNode> found = state.workflow(id);
        if (found.isEmpty()) {
            return notFound("Workflow");
        }
        ObjectNode workflow = found.get();
        if (input.has("lock_version")
                && !state.ignoresLockVersionOf(input)
                && input.path("lock_version").asInt()
                        != workflow.path("lock_version").asInt()) {
            return Reply.error(409, "Workflow has been modified by someone else (stale lock_version)");
        }
        if (input.has("slug")) {
            String slug = input.path("slug").asText();
            if (!SLUG.matcher(slug).matches()) {
                return Reply.error(422, "Slug is invalid");
            }
            if (state.slugTaken(slug, id)) {
                return Reply.error(422, "Slug has already been taken");
            }
        }
        Optional<String> badReference = state.referenceProblem(input.path("definition"));
        if (badReference.isPresent()) {
            return Reply.error(422, badReference.get());
        }
        if (input.has("status") && !STATUSES.contains(input.path("status").asText())) {
            return Reply.error(422, "Status is not included in the list");
        }
        if (input.has("inbound_message_read_mode")
                && !READ_MODES.contains(input.path("inbound_message_read_mode").asText())) {
            return Reply.error(422, "Inbound message read mode is not included in the list");
        }
        for (String key : List.of(
                "name", "slug", "description", "status", "message_debounce_seconds", "inbound_message_read_mode")) {
            if (input.has(key)) {
                workflow.set(key, input.get(key));
            }
        }
        if (input.has("definition")) {
            state.applyDefinition(id, input.path("definition"));
        }
        state.saveWorkflow(workflow);
        return Reply.data(200, state.workflow(id).orElseThrow());
    }

    private static Reply replaceTriggers(EmulatorState state, String workflowId, JsonNode items) {
        if (!items.isArray()) {
            return Reply.error(422, "triggers must be a list");
        }
        List<ObjectNode> replacement = new ArrayList<>();
        for (JsonNode item : items) {
            Optional<ObjectNode> trigger = trigger(workflowId, item);
            if (trigger.isEmpty()) {
                return Reply.error(422, "Invalid trigger: " + Json.compact(item) + "; nothing was changed");
            }
            replacement.add(trigger.get());
            Optional<String> conflict = state.inboundConflict(trigger.get());
            if (conflict.isPresent()) {
                return Reply.error(422, conflict.get() + "; nothing was changed");
            }
        }
        return Reply.data(200, array(state.replaceTriggers(workflowId, replacement)));
    }

    /** A stored trigger from the flat write shape, if it is valid. */
    static Optional<ObjectNode> trigger(String workflowId, JsonNode input) {
        String type = input.path("trigger_type").asText("");
        ObjectNode triggerable = Json.object();
        String displayName;
        switch (type) {
            case "inbound_message" -> {
                if (!input.path("phone_number_id").isTextual()) {
                    return Optional.empty();
                }
                triggerable.set("phone_number_id", input.get("phone_number_id"));
                displayName = "WhatsApp: " + input.get("phone_number_id").textValue();
            }
            case "api_call" -> displayName = "API Call Trigger";
            case "whatsapp_event" -> {
                if (!EVENTS.contains(input.path("event").asText())) {
                    return Optional.empty();
                }
                triggerable.set("event", input.get("event"));
                if (input.has("phone_number_id")) {
                    triggerable.set("phone_number_id", input.get("phone_number_id"));
                }
                displayName = "Event: " + input.get("event").textValue();
            }
            case "project_event" -> {
                if (!input.path("event_name").isTextual()) {
                    return Optional.empty();
                }
                for (String key : List.of("event_name", "property_key", "operator", "property_value")) {
                    if (input.has(key)) {
                        triggerable.set(key, input.get(key));
                    }
                }
                displayName = "Event: " + input.get("event_name").textValue();
            }
            default -> {
                return Optional.empty();
            }
        }
        String now = Instant.now().toString();
        ObjectNode trigger = Json.object()
                .put("id", UUID.randomUUID().toString())
                .put("workflow_id", workflowId)
                .put("trigger_type", type)
                .put("active", input.path("active").asBoolean(true))
                .put("display_name", displayName)
                .put("created_at", now)
                .put("updated_at", now);
        trigger.set("triggerable", triggerable);
        return Optional.of(trigger);
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = Json.array();
        items.forEach(array::add);
        return array;
    }

    private static Reply notFound(String what) {
        return Reply.error(404, what + " not found");
    }

    private static Reply notAllowed() {
        return Reply.error(404, "Not found");
    }
}
