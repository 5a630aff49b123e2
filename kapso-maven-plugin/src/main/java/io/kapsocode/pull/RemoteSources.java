package io.kapsocode.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.cli.CliWorkflowReader;
import io.kapsocode.codec.FieldShape;
import io.kapsocode.compile.ComputedLabels;
import io.kapsocode.compile.DefinitionNormalizer;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.json.YamlText;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.FunctionType;
import io.kapsocode.model.InvokeResponseMode;
import io.kapsocode.model.Project;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.WireValue;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.WaitForResponseConfig;
import io.kapsocode.plan.ComparableForm;
import io.kapsocode.plan.References;
import io.kapsocode.remote.RemoteFlow;
import io.kapsocode.remote.RemoteFunction;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The remote project as sources: ids mapped back to slugs and names, read-only and unset fields
 * dropped, webhook JSON strings parsed, Kapso's defaults left out; layout and display names kept, so
 * that nothing the dashboard shows is lost. Workflows go through the Kapso CLI reader, the same path
 * as a pulled tree on disk, so what is pulled is what a later build reads.
 */
public final class RemoteSources {

    /** Kapso's workflow settings defaults: left out of pulled sources, as an author would. */
    private static final Map<String, JsonNode> SETTING_DEFAULTS = Map.of(
            "message_debounce_seconds", Json.valueOf(1), "inbound_message_read_mode", Json.valueOf("read_with_typing"));

    private RemoteSources() {}

    /**
     * @param selected which slugs and flow names to take
     * @param diagnostics what could not be mapped back (a reference to something that no longer exists)
     */
    public static Project of(RemoteProject remote, Predicate<String> selected, Diagnostics diagnostics) {
        References refs = References.of(remote);
        List<Workflow> workflows = new ArrayList<>();
        for (RemoteWorkflow workflow : new TreeMap<>(remote.details()).values()) {
            if (selected.test(workflow.slug())) {
                workflow(workflow, refs, diagnostics).ifPresent(workflows::add);
            }
        }
        List<FunctionDefinition> functions = new ArrayList<>();
        for (RemoteFunction function : new TreeMap<>(remote.functions()).values()) {
            if (selected.test(function.slug())) {
                functions.add(function(function));
            }
        }
        List<WhatsappFlow> flows = new ArrayList<>();
        for (RemoteFlow flow : new TreeMap<>(remote.flows()).values()) {
            if (selected.test(flow.name())) {
                flows.add(flow(flow, refs));
            }
        }
        return new Project(workflows, functions, flows);
    }

    static Optional<Workflow> workflow(RemoteWorkflow remote, References refs, Diagnostics diagnostics) {
        String folder = "workflows/" + remote.slug() + "/";
        return CliWorkflowReader.readMetadata(folder + "workflow.yaml", workflowYaml(remote), diagnostics)
                .flatMap(metadata -> CliWorkflowReader.readDefinition(
                        metadata,
                        folder + "definition.json",
                        CanonicalJson.write(definition(remote.workflow().path("definition"), refs)),
                        diagnostics));
    }

    /** The {@code workflow.yaml} of a remote workflow: metadata, settings other than Kapso's defaults, triggers. */
    static String workflowYaml(RemoteWorkflow remote) {
        ObjectNode workflow = remote.workflow();
        ObjectNode yaml = Json.object();
        yaml.put("slug", remote.slug());
        yaml.set("name", workflow.path("name"));
        if (workflow.path("description").isTextual()
                && !workflow.path("description").textValue().isEmpty()) {
            yaml.set("description", workflow.get("description"));
        }
        yaml.set("status", workflow.path("status"));
        SETTING_DEFAULTS.forEach((key, fallback) -> {
            JsonNode value = workflow.path(key);
            if (!value.isMissingNode() && !value.isNull() && !value.equals(fallback)) {
                yaml.set(key, value);
            }
        });
        ArrayNode triggers = yaml.putArray("triggers");
        for (ObjectNode trigger : remote.triggers()) {
            ObjectNode item = triggers.addObject();
            String type = trigger.path("trigger_type").asText();
            item.put("triggerType", type);
            item.put("active", trigger.path("active").asBoolean(true));
            JsonNode triggerable = trigger.path("triggerable");
            if (type.equals("project_event")) {
                ObjectNode attributes = item.putObject("triggerableAttributes");
                triggerable.properties().forEach(f -> {
                    if (!f.getValue().isNull()) {
                        attributes.set(f.getKey(), f.getValue());
                    }
                });
            } else {
                triggerable.properties().forEach(f -> {
                    if (!f.getValue().isNull()) {
                        item.set(FieldShape.camelCase(f.getKey()), f.getValue());
                    }
                });
            }
        }
        return YamlText.writeInOrder(yaml);
    }

    /** Whether a remote position is one a tool filled in (see {@link WorkflowCompiler#isComputedPosition}). */
    static boolean laidOutByATool(JsonNode position, String type, int index) {
        return WorkflowCompiler.isComputedPosition(
                position.path("x").asDouble(Double.NaN),
                position.path("y").asDouble(Double.NaN),
                "start".equals(type),
                index);
    }

    /** A GET /definition body in source form, node and edge order kept. */
    static ObjectNode definition(JsonNode remote, References refs) {
        ArrayNode nodes = Json.array();
        int index = -1;
        for (JsonNode node : remote.path("nodes")) {
            index++;
            JsonNode data = node.path("data");
            String type = data.path("node_type").asText("start");
            ObjectNode config =
                    data.path("config").isObject() ? ((ObjectNode) data.get("config")).deepCopy() : Json.object();
            ComparableForm.byName(config, refs);
            ObjectNode out = nodes.addObject();
            out.set("id", node.path("id"));
            out.put("type", "flow-node");
            if (node.path("position").isObject() && !laidOutByATool(node.get("position"), type, index)) {
                out.set("position", node.get("position").deepCopy());
            }
            ObjectNode outData = out.putObject("data");
            outData.put("node_type", type);
            ObjectNode normalized = DefinitionNormalizer.config(type, config);
            if (WaitForResponseConfig.TYPE.equals(type) && normalized.has("timeout_seconds")) {
                normalized.remove("has_timeout"); // a timeout implies it: the sources need not repeat it
            }
            outData.set("config", normalized);
            // a label Kapso computed is no author's choice: it would only go stale in the sources
            if (data.path("display_name").isTextual()
                    && !ComputedLabels.isComputed(
                            type, normalized, data.get("display_name").textValue())) {
                outData.set("display_name", data.get("display_name"));
            }
        }
        ArrayNode edges = Json.array();
        for (JsonNode edge : remote.path("edges")) {
            edges.addObject()
                    .put("source", edge.path("source").asText())
                    .put("target", edge.path("target").asText())
                    .put(
                            "label",
                            edge.path("label").isTextual() ? edge.get("label").textValue() : "next");
        }
        ObjectNode definition = Json.object();
        definition.set("nodes", nodes);
        definition.set("edges", edges);
        return definition;
    }

    static FunctionDefinition function(RemoteFunction remote) {
        ObjectNode f = remote.function();
        JsonNode runtimeConfig = f.path("runtime_config");
        return new FunctionDefinition(
                remote.slug(),
                text(f, "name"),
                text(f, "description"),
                "index.js",
                f.path("code").asText(""),
                WireValue.parse(FunctionType.class, f.path("function_type").asText())
                        .orElse(null),
                WireValue.parse(
                                InvokeResponseMode.class,
                                f.path("invoke_response_mode").asText())
                        .orElse(null),
                f.path("public_endpoint").isBoolean() ? f.get("public_endpoint").booleanValue() : null,
                runtimeConfig.isObject() && !runtimeConfig.isEmpty() ? runtimeConfig : null,
                remote.secretNames(),
                SourceMap.NONE);
    }

    static WhatsappFlow flow(RemoteFlow remote, References refs) {
        ObjectNode f = remote.flow();
        String dataEndpoint = f.path("data_endpoint_function_id").isTextual()
                ? refs.functionSlug(f.get("data_endpoint_function_id").textValue())
                        .orElse(null)
                : null;
        return new WhatsappFlow(
                remote.name(),
                "flow.json",
                remote.flowJson().isMissingNode() ? null : remote.flowJson(),
                text(f, "phone_number_id"),
                remote.published() ? Boolean.TRUE : null,
                dataEndpoint,
                SourceMap.NONE);
    }

    private static String text(JsonNode holder, String key) {
        JsonNode value = holder.path(key);
        return value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }
}
