package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.node.DecideConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A compiled definition turned into what PATCH /workflows/{id} takes: references by id (function and
 * workflow ids, Meta flow ids, model ids), decide conditions with ids (the remote ones, matched by
 * label, so edges keep their condition), and the remote position of every node whose sources set none,
 * so that a layout made in the dashboard survives an apply.
 */
public final class WriteForm {

    private WriteForm() {}

    /**
     * @param compiled the definition in source form
     * @param refs ids of every referenced resource; apply has created the missing ones
     * @param remote the remote definition, or a missing node for a new workflow
     * @param laidOut ids of the nodes whose position the sources set
     * @throws UnresolvedReferenceException naming the first reference without an id
     */
    public static ObjectNode of(JsonNode compiled, References refs, JsonNode remote, Set<String> laidOut) {
        Map<String, JsonNode> remoteNodes = new HashMap<>();
        remote.path("nodes").forEach(node -> remoteNodes.put(node.path("id").asText(), node));
        ObjectNode out = compiled.deepCopy();
        for (JsonNode node : out.path("nodes")) {
            String id = node.path("id").asText();
            JsonNode before = remoteNodes.get(id);
            if (!laidOut.contains(id)
                    && before != null
                    && before.path("position").isObject()) {
                ((ObjectNode) node).set("position", before.get("position").deepCopy());
            }
            JsonNode data = node.path("data");
            if (data.path("config").isObject()) {
                ObjectNode config = (ObjectNode) data.get("config");
                byId(id, config, refs);
                if (DecideConfig.TYPE.equals(data.path("node_type").asText())) {
                    decide(
                            config,
                            before == null ? Json.object() : before.path("data").path("config"));
                }
            }
        }
        return out;
    }

    private static void byId(String node, ObjectNode config, References refs) {
        functionById(node, config, refs);
        config.path("flow_agent_function_tools").forEach(tool -> functionById(node, (ObjectNode) tool, refs));
        ComparableForm.text(config, "workflow_slug").ifPresent(slug -> {
            config.remove("workflow_slug");
            config.put("workflow_id", require(refs.workflowId(slug), node, "workflow", slug));
        });
        ComparableForm.text(config, "whatsapp_flow_name").ifPresent(name -> {
            config.remove("whatsapp_flow_name");
            config.put("flow_id", require(refs.flowMetaId(name), node, "WhatsApp flow", name));
        });
        ComparableForm.text(config, "provider_model_name").ifPresent(name -> {
            config.remove("provider_model_name");
            config.put("provider_model_id", require(refs.modelId(name), node, "provider model", name));
        });
    }

    private static void functionById(String node, ObjectNode holder, References refs) {
        ComparableForm.text(holder, "function_slug").ifPresent(slug -> {
            holder.remove("function_slug");
            holder.put("function_id", require(refs.functionId(slug), node, "function", slug));
        });
    }

    /** Kapso's write schema wants a decision type, condition ids and an LLM configuration object. */
    private static void decide(ObjectNode config, JsonNode remoteConfig) {
        if (!config.path("decision_type").isTextual()) {
            config.put("decision_type", "ai");
        }
        if (!config.path("llm_configuration").isObject()) {
            config.set("llm_configuration", Json.object());
        }
        Map<String, String> remoteIds = new HashMap<>();
        remoteConfig
                .path("conditions")
                .forEach(c ->
                        remoteIds.put(c.path("label").asText(), c.path("id").asText()));
        ArrayNode conditions = config.path("conditions").isArray() ? (ArrayNode) config.get("conditions") : null;
        if (conditions != null) {
            for (JsonNode condition : conditions) {
                String label = condition.path("label").asText();
                ((ObjectNode) condition)
                        .put(
                                "id",
                                remoteIds.getOrDefault(label, UUID.randomUUID().toString()));
            }
        }
    }

    private static String require(Optional<String> id, String node, String kind, String name) {
        return id.orElseThrow(() -> new UnresolvedReferenceException(List.of("node '" + node + "' references " + kind
                + " '" + name + "', which exists neither in the sources" + " nor in the Kapso project")));
    }
}
