package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.json.Json;
import io.kapsocode.model.ComparisonOperator;
import io.kapsocode.model.Edge;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.InboundMessageReadMode;
import io.kapsocode.model.InteractiveType;
import io.kapsocode.model.Node;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.WhatsappEvent;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowSettings;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.trigger.ApiCallTrigger;
import io.kapsocode.model.trigger.InboundMessageTrigger;
import io.kapsocode.model.trigger.ProjectEventTrigger;
import io.kapsocode.model.trigger.Trigger;
import io.kapsocode.model.trigger.WhatsappEventTrigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Workflow}. Nodes are added as chains: each node method adds a node and, if a chain is
 * open, links the previous node to it with a {@code next} edge. A {@code decide} or {@code handoff}
 * closes the chain, as do {@link #goTo(String)} and {@link #end()}; the next node then starts a new
 * chain, typically a branch target.
 *
 * <pre>{@code
 * Workflow support = Kapso.workflow("support")
 *         .name("Support")
 *         .onInboundMessage("1234567890")
 *         .start()
 *         .sendText("greet", "Hi! How can we help?")
 *         .waitForResponse("ask", w -> w.saveResponseTo("question"))
 *         .decide("route", d -> d.ai("gpt-5-mini")
 *                 .when("billing").describedAs("Invoices and payments").goTo("billing")
 *                 .when("other").goTo("human"))
 *         .agent("billing", a -> a.model("gpt-5-mini").systemPrompt("You help with invoices."))
 *         .end()
 *         .handoff("human", h -> h.reason("needs a person"))
 *         .build();
 * }</pre>
 *
 * <p>Node ids are always explicit: they are the identity plans compare. Misuse (a null or repeated id)
 * throws {@link IllegalArgumentException} at once; graph problems (a dangling target, an unreachable
 * node) are reported by the validator with every other problem.
 */
public final class WorkflowBuilder {

    private final String slug;
    private String name;
    private String description;
    private WorkflowStatus status;
    private Integer messageDebounceSeconds;
    private InboundMessageReadMode inboundMessageReadMode;
    private String legacyName;
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<Edge> edges = new ArrayList<>();
    private String cursor;
    /** Where each element was added, by element path ({@code nodes.greet}, {@code edges.a.next.b}). */
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

    private final SourceLocation createdAt;

    WorkflowBuilder(String slug) {
        this.createdAt = CallSite.here().orElse(null);
        this.slug = requireText(slug, "slug");
    }

    /** The display name, unique in the project. */
    public WorkflowBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** An optional description of what the workflow does. */
    public WorkflowBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** {@code draft} (the default), {@code active} or {@code archived}. */
    public WorkflowBuilder status(WorkflowStatus status) {
        this.status = status;
        return this;
    }

    /** Seconds to wait for more inbound messages before running (Kapso's default 1). */
    public WorkflowBuilder messageDebounceSeconds(int seconds) {
        this.messageDebounceSeconds = seconds;
        return this;
    }

    /** Whether inbound messages are marked as read, with or without a typing indicator. */
    public WorkflowBuilder inboundMessageReadMode(InboundMessageReadMode mode) {
        this.inboundMessageReadMode = mode;
        return this;
    }

    /** The flow's name on Kapso's legacy flows API, when it is not the workflow's name. */
    public WorkflowBuilder legacyName(String legacyName) {
        this.legacyName = legacyName;
        return this;
    }

    /** Any trigger, for example an inactive one: {@code trigger(new ApiCallTrigger(false))}. */
    public WorkflowBuilder trigger(Trigger trigger) {
        triggers.add(Objects.requireNonNull(trigger, "trigger"));
        return this;
    }

    /** Starts on inbound WhatsApp messages to the number with this Meta id. */
    public WorkflowBuilder onInboundMessage(String phoneNumberId) {
        return trigger(new InboundMessageTrigger(phoneNumberId, null));
    }

    /** Can be started through the Platform API. */
    public WorkflowBuilder onApiCall() {
        return trigger(new ApiCallTrigger(null));
    }

    /** Starts an observer execution on a WhatsApp event of any number. */
    public WorkflowBuilder onWhatsappEvent(WhatsappEvent event) {
        return trigger(new WhatsappEventTrigger(event, null, null));
    }

    /** Starts an observer execution on a WhatsApp event of one number. */
    public WorkflowBuilder onWhatsappEvent(WhatsappEvent event, String phoneNumberId) {
        return trigger(new WhatsappEventTrigger(event, phoneNumberId, null));
    }

    /** Starts an observer execution on every project event with this name. */
    public WorkflowBuilder onProjectEvent(String eventName) {
        return trigger(new ProjectEventTrigger(eventName, null, null, null, null));
    }

    /** Starts an observer execution on project events whose property matches. */
    public WorkflowBuilder onProjectEvent(
            String eventName, String propertyKey, ComparisonOperator operator, Object value) {
        return trigger(new ProjectEventTrigger(eventName, propertyKey, operator, Json.valueOf(value), null));
    }

    /** Adds the {@code start} node and opens a chain from it. */
    public WorkflowBuilder start() {
        return add(new Node("start", new StartConfig()), true);
    }

    /** Adds the {@code start} node at a canvas position. */
    public WorkflowBuilder start(double x, double y) {
        return add(new Node("start", new StartConfig(), null, new io.kapsocode.model.Position(x, y), null), true);
    }

    /** A {@code send_text} node with this message; templates such as {@code {{vars.name}}} are rendered. */
    public WorkflowBuilder sendText(String id, String message) {
        return sendText(id, s -> s.message(message));
    }

    /** A {@code send_text} node configured by the lambda (message, sender, delay, AI text). */
    public WorkflowBuilder sendText(String id, Consumer<SendTextSpec> spec) {
        return add(id, new SendTextSpec(), spec, true);
    }

    /** A {@code send_template} node sending this WhatsApp template. */
    public WorkflowBuilder sendTemplate(String id, String templateId) {
        return sendTemplate(id, templateId, s -> {});
    }

    /** A {@code send_template} node with its parameters set by the lambda. */
    public WorkflowBuilder sendTemplate(String id, String templateId, Consumer<SendTemplateSpec> spec) {
        return add(id, new SendTemplateSpec(templateId), spec, true);
    }

    /** Up to three reply buttons, added with {@code spec.button(id, title)}. */
    public WorkflowBuilder sendButtons(String id, String bodyText, Consumer<SendInteractiveSpec> spec) {
        return add(id, new SendInteractiveSpec(InteractiveType.BUTTON, bodyText), spec, true);
    }

    /** A list opened by {@code buttonText}, with sections added by {@code spec.section(...)}. */
    public WorkflowBuilder sendList(String id, String bodyText, String buttonText, Consumer<SendInteractiveSpec> spec) {
        return add(id, new SendInteractiveSpec(InteractiveType.LIST, bodyText).list(buttonText), spec, true);
    }

    /** A call-to-action button that opens {@code url}. */
    public WorkflowBuilder sendCtaUrl(String id, String bodyText, String displayText, String url) {
        return sendCtaUrl(id, bodyText, displayText, url, s -> {});
    }

    /** A {@code send_interactive} call-to-action button opening a URL, configured further by the lambda. */
    public WorkflowBuilder sendCtaUrl(
            String id, String bodyText, String displayText, String url, Consumer<SendInteractiveSpec> spec) {
        return add(id, new SendInteractiveSpec(InteractiveType.CTA_URL, bodyText).cta(displayText, url), spec, true);
    }

    /**
     * Opens the WhatsApp Flow this project declares as {@code whatsappFlowName}, with the button
     * {@code cta}; its Meta id is resolved when applied.
     */
    public WorkflowBuilder sendFlow(
            String id, String bodyText, String whatsappFlowName, String cta, Consumer<SendInteractiveSpec> spec) {
        return add(id, new SendInteractiveSpec(InteractiveType.FLOW, bodyText).flow(whatsappFlowName, cta), spec, true);
    }

    /** Asks the user to share a location. */
    public WorkflowBuilder requestLocation(String id, String bodyText) {
        return add(id, new SendInteractiveSpec(InteractiveType.LOCATION_REQUEST_MESSAGE, bodyText), s -> {}, true);
    }

    /** Any interactive variant, configured entirely by {@code spec}. */
    public WorkflowBuilder sendInteractive(
            String id, InteractiveType type, String bodyText, Consumer<SendInteractiveSpec> spec) {
        return add(id, new SendInteractiveSpec(type, bodyText), spec, true);
    }

    /** A {@code wait_for_response} node without a timeout: waits for the next message. */
    public WorkflowBuilder waitForResponse(String id) {
        return waitForResponse(id, s -> {});
    }

    /** A {@code wait_for_response} node with a timeout or a variable for the answer. */
    public WorkflowBuilder waitForResponse(String id, Consumer<WaitForResponseSpec> spec) {
        return add(id, new WaitForResponseSpec(), spec, true);
    }

    /**
     * Adds a decide node with its branches and closes the chain. The lambda must return the spec after
     * the last {@code goTo}, so every branch has a target.
     */
    public WorkflowBuilder decide(String id, UnaryOperator<DecideSpec> branches) {
        DecideSpec spec = Objects.requireNonNull(branches, "branches").apply(new DecideSpec());
        add(spec.toNode(requireText(id, "id")), false);
        List<Edge> branchEdges = spec.edges(id);
        for (int i = 0; i < branchEdges.size(); i++) {
            addEdge(branchEdges.get(i), spec.branchLocation(i));
        }
        return this;
    }

    /** Invokes a function by slug; continues on {@code next}. */
    public WorkflowBuilder function(String id, String functionSlug) {
        return function(id, functionSlug, s -> {});
    }

    /** A {@code function} node with its options (such as saveResponseTo) set by the lambda. */
    public WorkflowBuilder function(String id, String functionSlug, Consumer<FunctionSpec> spec) {
        return add(id, new FunctionSpec(functionSlug, null), spec, true);
    }

    /**
     * A function node that names its function by Kapso id, as exported projects do. The id ties the
     * workflow to one Kapso project: prefer {@link #function(String, String, Consumer)} with the slug.
     */
    public WorkflowBuilder functionById(String id, String functionId, Consumer<FunctionSpec> spec) {
        return add(id, new FunctionSpec(null, functionId), spec, true);
    }

    /** A {@code webhook} node calling this URL. */
    public WorkflowBuilder webhook(String id, HttpMethod method, String url) {
        return webhook(id, method, url, s -> {});
    }

    /** A {@code webhook} node with headers, body and response variable set by the lambda. */
    public WorkflowBuilder webhook(String id, HttpMethod method, String url, Consumer<WebhookSpec> spec) {
        return add(id, new WebhookSpec(method, url), spec, true);
    }

    /** An {@code agent} node: model, prompt, tools and knowledge set by the lambda. */
    public WorkflowBuilder agent(String id, Consumer<AgentSpec> spec) {
        return add(id, new AgentSpec(), spec, true);
    }

    /** Runs another workflow of the project, by slug, and waits for it. */
    public WorkflowBuilder call(String id, String workflowSlug) {
        return call(id, workflowSlug, s -> {});
    }

    /** A {@code call} node with its error variable set by the lambda. */
    public WorkflowBuilder call(String id, String workflowSlug, Consumer<CallSpec> spec) {
        return add(id, new CallSpec(workflowSlug, null), spec, true);
    }

    /** A call node that names the workflow by Kapso id; prefer {@link #call(String, String, Consumer)}. */
    public WorkflowBuilder callById(String id, String workflowId, Consumer<CallSpec> spec) {
        return add(id, new CallSpec(null, workflowId), spec, true);
    }

    /** Hands the conversation to a human; closes the chain. */
    public WorkflowBuilder handoff(String id) {
        return handoff(id, s -> {});
    }

    /** A {@code handoff} node with a reason and context data; it closes the chain. */
    public WorkflowBuilder handoff(String id, Consumer<HandoffSpec> spec) {
        return add(id, new HandoffSpec(), spec, false);
    }

    /** Stores {@code value} (a string, number, boolean, map or list) as {@code vars.<name>}. */
    public WorkflowBuilder setVariable(String id, String name, Object value, ValueType valueType) {
        return setVariable(id, name, value, valueType, s -> {});
    }

    /** A {@code set_variable} node storing a typed value, configured further by the lambda. */
    public WorkflowBuilder setVariable(
            String id, String name, Object value, ValueType valueType, Consumer<SetVariableSpec> spec) {
        return add(id, new SetVariableSpec(name, Json.valueOf(value), valueType), spec, true);
    }

    /** An {@code emit_event} node recording this project event. */
    public WorkflowBuilder emitEvent(String id, String eventName) {
        return emitEvent(id, eventName, s -> {});
    }

    /** An {@code emit_event} node with its properties set by the lambda. */
    public WorkflowBuilder emitEvent(String id, String eventName, Consumer<EmitEventSpec> spec) {
        return add(id, new EmitEventSpec(eventName), spec, true);
    }

    /** Any Kapso node type, with its snake_case config passed through unchanged. */
    public WorkflowBuilder raw(String id, String nodeType, ObjectNode config) {
        return raw(id, nodeType, config, s -> {});
    }

    /** A node of any type with its config as given, configured further by the lambda. */
    public WorkflowBuilder raw(String id, String nodeType, ObjectNode config, Consumer<RawSpec> spec) {
        return add(id, new RawSpec(nodeType, config), spec, true);
    }

    /** Adds a prebuilt node to the chain. */
    public WorkflowBuilder node(Node node) {
        return add(Objects.requireNonNull(node, "node"), true);
    }

    /** Links the open chain to node {@code target} (declared before or after) and closes it. */
    public WorkflowBuilder goTo(String target) {
        if (cursor == null) {
            throw new IllegalStateException("goTo('" + target + "') needs an open chain: add a node first");
        }
        addEdge(Edge.next(cursor, requireText(target, "target")), CallSite.here());
        cursor = null;
        return this;
    }

    /** Closes the open chain: the next node starts a new one, with no edge into it. */
    public WorkflowBuilder end() {
        cursor = null;
        return this;
    }

    /** Opens a chain at an existing node, to continue from it. */
    public WorkflowBuilder from(String id) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("from('" + id + "'): no node '" + id + "' has been added yet");
        }
        cursor = id;
        return this;
    }

    /** Adds an explicit edge, outside any chain. */
    public WorkflowBuilder edge(String source, String target, String label) {
        addEdge(new Edge(requireText(source, "source"), requireText(target, "target"), label), CallSite.here());
        return this;
    }

    /** The immutable workflow. The builder can go on being used; later changes do not affect it. */
    public Workflow build() {
        WorkflowSettings settings = new WorkflowSettings(messageDebounceSeconds, inboundMessageReadMode, legacyName);
        return new Workflow(slug, name, description, status, settings, triggers, nodes, edges, sourceMap());
    }

    /** Where the author's Java code added each element, so that diagnostics name the Java line. */
    private SourceMap sourceMap() {
        if (createdAt == null && locations.isEmpty()) {
            return SourceMap.NONE;
        }
        SourceLocation workflow =
                createdAt != null ? createdAt : locations.values().iterator().next();
        SourceMap.Builder map = new SourceMap.Builder(workflow.file());
        map.put("", workflow);
        locations.forEach(map::put);
        return map.build();
    }

    private <S extends NodeSpec<S>> WorkflowBuilder add(String id, S spec, Consumer<S> configure, boolean continues) {
        requireText(id, "id");
        Objects.requireNonNull(configure, "spec").accept(spec);
        return add(spec.toNode(id), continues);
    }

    private WorkflowBuilder add(Node node, boolean continues) {
        if (!ids.add(node.id())) {
            throw new IllegalArgumentException(
                    "workflow '" + slug + "' already has a node '" + node.id() + "'; node ids must be unique");
        }
        nodes.add(node);
        Optional<SourceLocation> here = CallSite.here();
        here.ifPresent(at -> locations.putIfAbsent("nodes." + node.id(), at));
        if (cursor != null) {
            addEdge(Edge.next(cursor, node.id()), here);
        }
        cursor = continues ? node.id() : null;
        return this;
    }

    private void addEdge(Edge edge, Optional<SourceLocation> at) {
        edges.add(edge);
        at.ifPresent(location -> locations.putIfAbsent(edge.path(), location));
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank");
        }
        return value;
    }
}
