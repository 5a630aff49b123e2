package io.kapsocode.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.json.Json;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.RawConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.trigger.ApiCallTrigger;
import io.kapsocode.model.trigger.InboundMessageTrigger;
import io.kapsocode.model.trigger.ProjectEventTrigger;
import io.kapsocode.model.trigger.Trigger;
import io.kapsocode.model.trigger.WhatsappEventTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes workflows as a Java class of the builder DSL ({@code implements KapsoDefinitions}), one method
 * per workflow: nodes chained in order where a {@code next} edge joins them, decide branches as
 * {@code when(...).goTo(...)}, the DSL's setters where it has one for a field and {@code rawConfig} for
 * the rest, so that the class builds the same workflows. The text is valid Java, not yet formatted.
 */
public final class JavaSourceWriter {

    private JavaSourceWriter() {}

    /**
     * @throws UnsupportedOperationException naming the workflow and the shape the DSL cannot express
     */
    public static String write(String packageName, String className, List<Workflow> workflows) {
        Imports imports = new Imports();
        imports.add("io.kapsocode.dsl.Kapso");
        imports.add("io.kapsocode.dsl.KapsoDefinitions");
        imports.add("io.kapsocode.model.Workflow");
        imports.add("java.util.List");
        StringBuilder methods = new StringBuilder();
        List<String> calls = new ArrayList<>();
        for (Workflow workflow : workflows) {
            String method = methodName(workflow.slug());
            calls.add(method + "()");
            methods.append("\n    static Workflow ")
                    .append(method)
                    .append("() {\n        return ")
                    .append(new WorkflowCode(workflow, imports).chain())
                    .append(";\n    }\n");
        }
        return "package " + packageName + ";\n\n" + imports.block() + "\n"
                + "/** Workflows pulled from Kapso by kapso:pull; edit them here from now on. */\n"
                + "public final class " + className + " implements KapsoDefinitions {\n\n"
                + "    @Override\n    public List<Workflow> workflows() {\n        return List.of("
                + String.join(", ", calls) + ");\n    }\n" + methods + "}\n";
    }

    /** {@code order-status} to {@code orderStatus}; a leading digit gets a {@code workflow} prefix. */
    static String methodName(String slug) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : slug.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        String name = out.toString();
        return name.isEmpty() || !Character.isLetter(name.charAt(0))
                ? "workflow" + Character.toUpperCase(name.isEmpty() ? '_' : name.charAt(0))
                        + name.substring(Math.min(1, name.length()))
                : name;
    }

    /** One workflow's builder chain. */
    private static final class WorkflowCode {

        private final Workflow workflow;
        private final Imports imports;
        private final List<Edge> unused;
        private final StringBuilder out = new StringBuilder();

        WorkflowCode(Workflow workflow, Imports imports) {
            this.workflow = workflow;
            this.imports = imports;
            this.unused = new ArrayList<>(workflow.edges());
        }

        String chain() {
            out.append("Kapso.workflow(")
                    .append(JavaLiteral.string(workflow.slug()))
                    .append(")");
            if (workflow.name() != null) {
                call("name", JavaLiteral.string(workflow.name()));
            }
            if (workflow.description() != null) {
                call("description", JavaLiteral.string(workflow.description()));
            }
            if (workflow.status() != null) {
                call(
                        "status",
                        constant(
                                "io.kapsocode.model.WorkflowStatus",
                                workflow.status().name()));
            }
            if (workflow.settings().messageDebounceSeconds() != null) {
                call(
                        "messageDebounceSeconds",
                        workflow.settings().messageDebounceSeconds().toString());
            }
            if (workflow.settings().inboundMessageReadMode() != null) {
                call(
                        "inboundMessageReadMode",
                        constant(
                                "io.kapsocode.model.InboundMessageReadMode",
                                workflow.settings().inboundMessageReadMode().name()));
            }
            if (workflow.settings().legacyName() != null) {
                call("legacyName", JavaLiteral.string(workflow.settings().legacyName()));
            }
            workflow.triggers().forEach(this::trigger);
            List<Node> ordered = new ArrayList<>();
            workflow.nodes().stream()
                    .filter(n -> n.config() instanceof StartConfig)
                    .forEach(ordered::add);
            workflow.nodes().stream()
                    .filter(n -> !(n.config() instanceof StartConfig))
                    .forEach(ordered::add);
            String cursor = null;
            for (Node node : ordered) {
                Edge link = cursor == null ? null : nextEdge(cursor, node.id());
                if (cursor != null && link == null) {
                    out.append("\n.end()");
                }
                if (link != null) {
                    unused.remove(link);
                }
                NodeCode code = new NodeCode(node, outgoing(node.id()), imports);
                out.append("\n.").append(code.call());
                unused.removeAll(code.consumedEdges());
                cursor = code.continuesChain() ? node.id() : null;
            }
            for (Edge edge : unused) {
                out.append("\n.edge(")
                        .append(JavaLiteral.string(edge.source()))
                        .append(", ")
                        .append(JavaLiteral.string(edge.target()))
                        .append(", ")
                        .append(JavaLiteral.string(edge.label()))
                        .append(")");
            }
            out.append("\n.build()");
            return out.toString();
        }

        private Edge nextEdge(String source, String target) {
            return unused.stream()
                    .filter(e -> e.source().equals(source) && e.target().equals(target) && Edge.NEXT.equals(e.label()))
                    .findFirst()
                    .orElse(null);
        }

        private List<Edge> outgoing(String id) {
            return unused.stream().filter(e -> e.source().equals(id)).toList();
        }

        private void trigger(Trigger trigger) {
            if (trigger instanceof InboundMessageTrigger t && t.isActive()) {
                call("onInboundMessage", JavaLiteral.string(t.phoneNumberId()));
            } else if (trigger instanceof ApiCallTrigger t && t.isActive()) {
                call("onApiCall", "");
            } else if (trigger instanceof WhatsappEventTrigger t && t.isActive()) {
                String event =
                        constant("io.kapsocode.model.WhatsappEvent", t.event().name());
                call(
                        "onWhatsappEvent",
                        t.phoneNumberId() == null ? event : event + ", " + JavaLiteral.string(t.phoneNumberId()));
            } else if (trigger instanceof ProjectEventTrigger t && t.isActive() && t.propertyKey() == null) {
                call("onProjectEvent", JavaLiteral.string(t.eventName()));
            } else if (trigger instanceof ProjectEventTrigger t
                    && t.isActive()
                    && t.operator() != null
                    && t.propertyValue() != null) {
                call(
                        "onProjectEvent",
                        JavaLiteral.string(t.eventName()) + ", " + JavaLiteral.string(t.propertyKey()) + ", "
                                + constant(
                                        "io.kapsocode.model.ComparisonOperator",
                                        t.operator().name()) + ", "
                                + JavaLiteral.json(t.propertyValue(), imports));
            } else {
                call("trigger", newTrigger(trigger));
            }
        }

        /** {@code new InboundMessageTrigger("...", false)}: the record itself, for what the shortcuts cannot say. */
        private String newTrigger(Trigger trigger) {
            Class<?> type = trigger.getClass();
            imports.add(type.getName());
            List<String> args = new ArrayList<>();
            for (var component : type.getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(trigger);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                args.add(value(value));
            }
            return "new " + type.getSimpleName() + "(" + String.join(", ", args) + ")";
        }

        private String value(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String text) {
                return JavaLiteral.string(text);
            }
            if (value instanceof Enum<?> constant) {
                return constant(constant.getDeclaringClass().getName(), constant.name());
            }
            if (value instanceof JsonNode json) {
                imports.add("io.kapsocode.json.Json");
                return "Json.valueOf(" + JavaLiteral.json(json, imports) + ")";
            }
            return value.toString();
        }

        private String constant(String enumClass, String name) {
            imports.add(enumClass);
            return enumClass.substring(enumClass.lastIndexOf('.') + 1) + "." + name;
        }

        private void call(String method, String args) {
            out.append("\n.").append(method).append("(").append(args).append(")");
        }
    }

    /** One node's builder call, such as {@code sendText("greet", s -> s.message("Hi!"))}. */
    private static final class NodeCode {

        private final Node node;
        private final List<Edge> outgoing;
        private final Imports imports;
        private final Map<String, JsonNode> fields = new LinkedHashMap<>();
        private final List<String> setters = new ArrayList<>();
        private final List<Edge> consumed = new ArrayList<>();
        private boolean continues = true;

        NodeCode(Node node, List<Edge> outgoing, Imports imports) {
            this.node = node;
            this.outgoing = outgoing;
            this.imports = imports;
            if (!(node.config() instanceof RawConfig)) {
                RecordCodec.write(node.config()).properties().forEach(f -> fields.put(f.getKey(), f.getValue()));
            }
        }

        List<Edge> consumedEdges() {
            return consumed;
        }

        boolean continuesChain() {
            return continues;
        }

        String call() {
            String id = JavaLiteral.string(node.id());
            String type = node.nodeType();
            if (node.config() instanceof RawConfig raw) {
                imports.add("com.fasterxml.jackson.databind.node.ObjectNode");
                imports.add("io.kapsocode.json.Json");
                return spec(
                        "raw",
                        id + ", " + JavaLiteral.string(raw.nodeType()) + ", (ObjectNode) Json.valueOf("
                                + JavaLiteral.json(raw.config(), imports) + ")",
                        "r");
            }
            return switch (type) {
                case "start" -> start();
                case "send_text" -> sendText(id);
                case "send_template" -> {
                    String args = id + ", " + text(take("template_id"));
                    setTemplateFields();
                    yield spec("sendTemplate", args, "s");
                }
                case "send_interactive" -> sendInteractive(id);
                case "wait_for_response" -> {
                    setter("timeoutSeconds", "timeout_seconds", v -> Integer.toString(v.intValue()));
                    setter("saveResponseTo", "save_response_to", this::text);
                    yield spec("waitForResponse", id, "w");
                }
                case "decide" -> decide(id);
                case "function" -> {
                    String args = id + ", " + text(take("function_slug"));
                    setter("saveResponseTo", "save_response_to", this::text);
                    yield spec("function", args, "f");
                }
                case "webhook" -> webhook(id);
                case "agent" -> agent(id);
                case "call" -> {
                    String args = id + ", " + text(take("workflow_slug"));
                    setter("saveErrorTo", "save_error_to", this::text);
                    yield spec("call", args, "c");
                }
                case "handoff" -> {
                    setter("reason", "reason", this::text);
                    setter("contextData", "context_data", this::json);
                    continues = false;
                    yield spec("handoff", id, "h");
                }
                case "set_variable" -> {
                    String args = id + ", " + text(take("variable_name")) + ", " + json(take("variable_value")) + ", "
                            + enumOrNull("io.kapsocode.model.ValueType", take("value_type"));
                    yield spec("setVariable", args, "s");
                }
                case "emit_event" -> {
                    String args = id + ", " + text(take("event_name"));
                    JsonNode properties = fields.get("properties");
                    if (properties != null && properties.isObject()) {
                        fields.remove("properties");
                        properties
                                .properties()
                                .forEach(p -> setters.add("property(" + JavaLiteral.string(p.getKey()) + ", "
                                        + json(p.getValue()) + ")"));
                    }
                    setter("occurredAt", "occurred_at", this::text);
                    yield spec("emitEvent", args, "e");
                }
                default -> throw new UnsupportedOperationException("node type " + type);
            };
        }

        private String start() {
            if (node.position() == null) {
                return "start()";
            }
            return "start(" + JavaLiteral.number(node.position().x()) + ", "
                    + JavaLiteral.number(node.position().y()) + ")";
        }

        private String sendText(String id) {
            JsonNode message = take("message");
            Aiable ai = ai("message", message);
            setters.add(
                    ai.prompt != null
                            ? "aiMessage(" + JavaLiteral.string(ai.prompt) + ")"
                            : "message(" + text(message) + ")");
            setMessageFields();
            setter("delaySeconds", "delay_seconds", v -> Integer.toString(v.intValue()));
            return spec("sendText", id, "s");
        }

        private void setTemplateFields() {
            setter("parameters", "parameters", this::json);
            setMessageFields();
        }

        /**
         * How a flow opens, through the DSL's setters rather than {@code rawConfig}: the model then holds
         * them typed, so validation checks the screen and data against the flow, as for YAML sources.
         */
        private void flowOpening() {
            JsonNode action = fields.get("flow_action");
            JsonNode payload = fields.get("flow_action_payload");
            if (action == null || !action.isTextual()) {
                return;
            }
            if (action.textValue().equals("navigate")
                    && payload != null
                    && payload.isObject()
                    && payload.path("screen").isTextual()) {
                fields.remove("flow_action");
                fields.remove("flow_action_payload");
                setters.add("navigateTo(" + text(payload.get("screen")) + ")");
                if (payload.size() > 1) {
                    setters.add("flowActionPayload(" + json(payload) + ")");
                }
            } else if (action.textValue().equals("data_exchange")) {
                fields.remove("flow_action");
                setters.add("dataExchange()");
                if (payload != null && !payload.isNull()) {
                    fields.remove("flow_action_payload");
                    setters.add("flowActionPayload(" + json(payload) + ")");
                }
            }
        }

        private void setMessageFields() {
            setter("phoneNumberId", "phone_number_id", this::text);
            setter("whatsappConfigId", "whatsapp_config_id", this::text);
            setter("toPhoneNumber", "to_phone_number", this::text);
            setter("model", "provider_model_name", this::text);
            setter("modelId", "provider_model_id", this::text);
        }

        private String sendInteractive(String id) {
            JsonNode type = take("interactive_type");
            JsonNode body = take("body_text");
            Aiable ai = ai("body_text", body);
            String bodyArg = ai.prompt != null ? "\"\"" : text(body);
            if (ai.prompt != null) {
                setters.add("aiBodyText(" + JavaLiteral.string(ai.prompt) + ")");
            }
            setter("footer", "footer_text", this::text);
            if ("text".equals(textOf("header_type")) && fields.containsKey("header_text")) {
                fields.remove("header_type");
                setter("headerText", "header_text", this::text);
            }
            JsonNode buttons = fields.get("buttons");
            if (buttons != null && buttons.isArray()) {
                fields.remove("buttons");
                buttons.forEach(b -> setters.add("button(" + text(b.path("id")) + ", " + text(b.path("title")) + ")"));
            }
            setter("flowId", "flow_id", this::text);
            setter("flowToken", "flow_token", this::text);
            flowOpening();
            setMessageFields();
            String flowName = textOf("whatsapp_flow_name");
            String cta = textOf("flow_cta");
            if ("flow".equals(type.asText()) && flowName != null && cta != null) {
                fields.remove("whatsapp_flow_name");
                fields.remove("flow_cta");
                return spec(
                        "sendFlow",
                        id + ", " + bodyArg + ", " + JavaLiteral.string(flowName) + ", " + JavaLiteral.string(cta),
                        "s");
            }
            String display = textOf("cta_display_text");
            String url = textOf("cta_url");
            if ("cta_url".equals(type.asText()) && display != null && url != null) {
                fields.remove("cta_display_text");
                fields.remove("cta_url");
                setter("flowCta", "flow_cta", this::text);
                return spec(
                        "sendCtaUrl",
                        id + ", " + bodyArg + ", " + JavaLiteral.string(display) + ", " + JavaLiteral.string(url),
                        "s");
            }
            String buttonText = textOf("list_button_text");
            if ("list".equals(type.asText()) && buttonText != null) {
                fields.remove("list_button_text");
                JsonNode sections = fields.remove("list_sections");
                if (sections != null) {
                    for (JsonNode section : sections) {
                        List<String> rows = new ArrayList<>();
                        for (JsonNode row : section.path("rows")) {
                            rows.add("row(" + text(row.path("id")) + ", " + text(row.path("title"))
                                    + (row.path("description").isTextual() ? ", " + text(row.get("description")) : "")
                                    + ")");
                        }
                        setters.add("section(" + textOrNull(section.path("title")) + ", rows -> rows."
                                + String.join(".", rows) + ")");
                    }
                }
                setter("flowCta", "flow_cta", this::text);
                return spec("sendList", id + ", " + bodyArg + ", " + JavaLiteral.string(buttonText), "s");
            }
            setter("flowCta", "flow_cta", this::text);
            String interactiveType = enumOrNull("io.kapsocode.model.InteractiveType", type);
            return spec("sendInteractive", id + ", " + interactiveType + ", " + bodyArg, "s");
        }

        private String decide(String id) {
            continues = false;
            List<String> head = new ArrayList<>();
            String decisionType = textOf("decision_type");
            String model = textOf("provider_model_name");
            String modelId = textOf("provider_model_id");
            String function = textOf("function_slug");
            if ("function".equals(decisionType) && function != null) {
                head.add("function(" + JavaLiteral.string(function) + ")");
                fields.remove("function_slug");
                fields.remove("decision_type");
            } else if (model != null && !"function".equals(decisionType)) {
                head.add("ai(" + JavaLiteral.string(model) + ")");
                fields.remove("provider_model_name");
                fields.remove("decision_type");
            } else if (modelId != null && !"function".equals(decisionType)) {
                head.add("aiModelId(" + JavaLiteral.string(modelId) + ")");
                fields.remove("provider_model_id");
                fields.remove("decision_type");
            }
            setter("temperature", "llm_temperature", v -> JavaLiteral.number(v.doubleValue()));
            setter("maxTokens", "llm_max_tokens", v -> Integer.toString(v.intValue()));
            setter("llmConfiguration", "llm_configuration", this::json);
            JsonNode conditions = take("conditions");
            List<String> branches = new ArrayList<>();
            for (JsonNode condition : conditions) {
                String label = condition.path("label").asText();
                List<Edge> matching =
                        outgoing.stream().filter(e -> e.label().equals(label)).toList();
                if (matching.isEmpty()) {
                    throw new UnsupportedOperationException("decide node '" + node.id() + "' has a condition '" + label
                            + "' without a branch, which the Java DSL cannot express");
                }
                consumed.add(matching.get(0));
                String description = condition.path("description").isTextual()
                        ? ".describedAs("
                                + JavaLiteral.string(
                                        condition.get("description").textValue()) + ")"
                        : "";
                branches.add("when(" + JavaLiteral.string(label) + ")" + description + ".goTo("
                        + JavaLiteral.string(matching.get(0).target()) + ")");
            }
            List<String> all = new ArrayList<>(head);
            all.addAll(commonAndRest());
            all.addAll(branches);
            return "decide(" + id + ", d -> d." + String.join(".", all) + ")";
        }

        private String webhook(String id) {
            String method = enumOrNull(
                    "io.kapsocode.model.HttpMethod", fields.containsKey("method") ? take("method") : Json.text("POST"));
            String args = id + ", " + method + ", " + text(take("url"));
            JsonNode headers = fields.get("headers");
            if (headers != null && headers.isObject() && allText(headers)) {
                fields.remove("headers");
                headers.properties()
                        .forEach(h -> setters.add(
                                "header(" + JavaLiteral.string(h.getKey()) + ", " + text(h.getValue()) + ")"));
            }
            setter("body", "body_template", this::json);
            setter("saveResponseTo", "save_response_to", this::text);
            setter("model", "provider_model_name", this::text);
            setter("modelId", "provider_model_id", this::text);
            setter("aiFieldConfig", "ai_field_config", this::json);
            return spec("webhook", args, "w");
        }

        private String agent(String id) {
            setter("systemPrompt", "system_prompt", this::text);
            setter("model", "provider_model_name", this::text);
            setter("modelId", "provider_model_id", this::text);
            setter("temperature", "temperature", v -> JavaLiteral.number(v.doubleValue()));
            setter("maxIterations", "max_iterations", v -> Integer.toString(v.intValue()));
            setter("maxTokens", "max_tokens", v -> Integer.toString(v.intValue()));
            setter("reasoningEffort", "reasoning_effort", this::text);
            setter("promptCacheTtl", "prompt_cache_ttl", v -> enumOrNull("io.kapsocode.model.PromptCacheTtl", v));
            setter(
                    "observerPromptMode",
                    "observer_prompt_mode",
                    v -> enumOrNull("io.kapsocode.model.ObserverPromptMode", v));
            setter(
                    "messageDeliveryMode",
                    "message_delivery_mode",
                    v -> enumOrNull("io.kapsocode.model.MessageDeliveryMode", v));
            JsonNode tools = fields.get("enabled_default_tools");
            if (tools != null && tools.isArray() && !tools.isEmpty()) {
                fields.remove("enabled_default_tools");
                List<String> names = new ArrayList<>();
                tools.forEach(t -> names.add(text(t)));
                setters.add("defaultTools(" + String.join(", ", names) + ")");
            }
            setter("defaultToolConfigs", "default_tool_configs", this::json);
            JsonNode functionTools = fields.get("flow_agent_function_tools");
            if (functionTools != null && functionTools.isArray()) {
                fields.remove("flow_agent_function_tools");
                for (JsonNode tool : functionTools) {
                    boolean byId = tool.path("function_id").isTextual();
                    boolean bySlug = tool.path("function_slug").isTextual();
                    String reference = bySlug && byId
                            ? text(tool.path("function_slug")) + ", " + text(tool.path("function_id"))
                            : byId ? text(tool.path("function_id")) : text(tool.path("function_slug"));
                    setters.add((byId && !bySlug ? "functionToolById(" : "functionTool(") + text(tool.path("name"))
                            + ", " + textOrNull(tool.path("description"))
                            + ", " + reference + ", "
                            + (tool.path("input_schema").isMissingNode()
                                            || tool.path("input_schema").isNull()
                                    ? "null"
                                    : json(tool.get("input_schema")))
                            + ")");
                }
            }
            JsonNode knowledge = fields.get("flow_agent_knowledge_bases");
            if (knowledge != null && knowledge.isArray()) {
                fields.remove("flow_agent_knowledge_bases");
                for (JsonNode base : knowledge) {
                    setters.add("knowledgeBase(" + text(base.path("name")) + ", " + textOrNull(base.path("description"))
                            + ", " + text(base.path("knowledge_base_text")) + ")");
                }
            }
            return spec("agent", id, "a");
        }

        /** {@code method(args, s -> s.setter()...)}, or {@code method(args)} when nothing is set. */
        private String spec(String method, String args, String variable) {
            List<String> all = commonAndRest();
            if (all.isEmpty()) {
                // these have no overload without a spec
                return method + "(" + args
                        + (List.of("sendInteractive", "sendFlow", "agent").contains(method)
                                ? ", " + variable + " -> {})"
                                : ")");
            }
            return method + "(" + args + ", " + variable + " -> " + variable + "." + String.join(".", all) + ")";
        }

        /** The typed setters, then label, position, suppressions, and every field left as {@code rawConfig}. */
        private List<String> commonAndRest() {
            List<String> all = new ArrayList<>(setters);
            setters.clear();
            if (node.displayName() != null) {
                all.add("displayName(" + JavaLiteral.string(node.displayName()) + ")");
            }
            if (node.position() != null) {
                all.add("position(" + JavaLiteral.number(node.position().x()) + ", "
                        + JavaLiteral.number(node.position().y()) + ")");
            }
            fields.forEach((key, value) -> all.add("rawConfig(" + JavaLiteral.string(key) + ", " + json(value) + ")"));
            fields.clear();
            node.extraConfig()
                    .properties()
                    .forEach(f ->
                            all.add("rawConfig(" + JavaLiteral.string(f.getKey()) + ", " + json(f.getValue()) + ")"));
            node.suppressions()
                    .forEach((code, reason) ->
                            all.add("suppress(" + JavaLiteral.string(code) + ", " + JavaLiteral.string(reason) + ")"));
            return all;
        }

        private record Aiable(String prompt) {}

        /** An AI field written by the DSL's {@code ai...} setter: {@code {"$ai": {}}} and one prompt. */
        private Aiable ai(String field, JsonNode value) {
            JsonNode config = fields.get("ai_field_config");
            if (value != null && value.isObject() && value.has("$ai") && config != null && config.size() == 1) {
                JsonNode entry = config.path(field);
                if ("prompt".equals(entry.path("mode").asText())
                        && entry.path("prompt").isTextual()
                        && entry.size() == 2) {
                    fields.remove("ai_field_config");
                    return new Aiable(entry.get("prompt").textValue());
                }
            }
            return new Aiable(null);
        }

        private void setter(String method, String key, java.util.function.Function<JsonNode, String> render) {
            JsonNode value = fields.get(key);
            if (value != null && !value.isNull()) {
                fields.remove(key);
                setters.add(method + "(" + render.apply(value) + ")");
            }
        }

        private JsonNode take(String key) {
            JsonNode value = fields.remove(key);
            return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
        }

        private String textOf(String key) {
            JsonNode value = fields.get(key);
            return value != null && value.isTextual() ? value.textValue() : null;
        }

        private String text(JsonNode value) {
            if (!value.isTextual()) {
                return value.isMissingNode() || value.isNull() ? "null" : json(value);
            }
            return JavaLiteral.string(value.textValue());
        }

        private String textOrNull(JsonNode value) {
            return value.isTextual() ? JavaLiteral.string(value.textValue()) : "null";
        }

        private String json(JsonNode value) {
            return JavaLiteral.json(value, imports);
        }

        private String enumOrNull(String enumClass, JsonNode wire) {
            if (!wire.isTextual()) {
                return "null";
            }
            try {
                Class<?> type = Class.forName(enumClass);
                for (Object constant : type.getEnumConstants()) {
                    if (((io.kapsocode.model.WireValue) constant).wire().equals(wire.textValue())) {
                        imports.add(enumClass);
                        return type.getSimpleName() + "." + ((Enum<?>) constant).name();
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            throw new UnsupportedOperationException("no " + enumClass + " for '" + wire.textValue() + "'");
        }

        private static boolean allText(JsonNode object) {
            for (JsonNode value : object) {
                if (!value.isTextual()) {
                    return false;
                }
            }
            return true;
        }
    }
}
