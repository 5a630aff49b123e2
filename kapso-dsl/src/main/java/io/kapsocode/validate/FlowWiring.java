package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.model.FlowAction;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.SendInteractiveConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a WhatsApp Flow of the project is wired to the rest of it: its data endpoint function and its
 * {@code data_exchange} actions agree, the screens the function answers with exist, and the workflows
 * that send the flow open a real screen with its data and read only fields the flow's reply carries.
 */
final class FlowWiring {

    /** A screen the endpoint function answers with, written as a literal ({@code screen: "CONFIRM"}). */
    private static final Pattern ANSWERED_SCREEN =
            Pattern.compile("\\bscreen\\s*:\\s*[\"']([A-Za-z][A-Za-z0-9_]*)[\"']");

    /**
     * A workflow's reading of a flow reply's field. Kapso keeps a flow reply's data as the message's
     * {@code flow_response} (contract §F.4); how a wait step saves it is undocumented, so any
     * {@code flow_response.<field>} in a later step counts as reading it.
     */
    private static final Pattern REPLY_FIELD = Pattern.compile("\\bflow_response\\.([A-Za-z_][A-Za-z0-9_]*)");

    private FlowWiring() {}

    static void check(Project project, Diagnostics out) {
        Map<String, WhatsappFlow> flows = new HashMap<>();
        project.whatsappFlows().forEach(f -> flows.putIfAbsent(f.name(), f));
        Map<String, FunctionDefinition> functions = new HashMap<>();
        project.functions().forEach(f -> functions.putIfAbsent(f.slug(), f));
        for (WhatsappFlow flow : project.whatsappFlows()) {
            if (flow.flowJson() != null && flow.flowJson().path("screens").isArray()) {
                endpoint(flow, functions.get(flow.dataEndpointFunction()), out);
            }
        }
        for (Workflow workflow : project.workflows()) {
            Findings findings = new Findings(out, workflow.subject(), workflow.sourceMap());
            Map<String, Set<String>> replyFields = new HashMap<>();
            Set<String> endpointCompleted = new java.util.HashSet<>();
            Map<String, List<String>> next = new HashMap<>();
            workflow.edges()
                    .forEach(e -> next.computeIfAbsent(e.source(), k -> new ArrayList<>())
                            .add(e.target()));
            for (Node node : workflow.nodes()) {
                if (node.config() instanceof SendInteractiveConfig send
                        && send.whatsappFlowName() != null
                        && flows.containsKey(send.whatsappFlowName())) {
                    WhatsappFlow flow = flows.get(send.whatsappFlowName());
                    opening(send, flow, "nodes." + node.id(), node.nodeType() + " node '" + node.id() + "'", findings);
                    Set<String> keys = replyKeys(flow);
                    for (String id : following(next, node.id())) {
                        if (keys == null) {
                            endpointCompleted.add(id);
                        } else {
                            replyFields
                                    .computeIfAbsent(id, k -> new TreeSet<>())
                                    .addAll(keys);
                        }
                    }
                }
            }
            reading(workflow, replyFields, endpointCompleted, findings);
        }
    }

    /** {@code data_exchange}, {@code data_api_version} and the endpoint function go together. */
    private static void endpoint(WhatsappFlow flow, FunctionDefinition function, Diagnostics out) {
        Findings findings = new Findings(out, flow.subject(), flow.sourceMap());
        JsonNode json = flow.flowJson();
        boolean exchanges = !actions(json, "data_exchange").isEmpty();
        String owner = "WhatsApp flow '" + flow.name() + "'";
        if ((exchanges || json.has("data_api_version")) && flow.dataEndpointFunction() == null) {
            findings.error(
                    "flow_endpoint_missing",
                    json.has("data_api_version") ? "flow_json.data_api_version" : "flow_json",
                    owner + " talks to a data endpoint ("
                            + (exchanges ? "a data_exchange action" : "data_api_version")
                            + "), but names no function to serve it; add 'data_endpoint_function: <function slug>'"
                            + " to its flow.yaml, or make the flow static");
        }
        if (flow.dataEndpointFunction() != null && !exchanges && !json.has("data_api_version")) {
            findings.error(
                    "flow_data_api_version",
                    "data_endpoint_function", // with data_exchange actions, FlowJsonRules reports it there
                    owner + " has a data endpoint ('" + flow.dataEndpointFunction() + "'), but its Flow JSON declares"
                            + " no 'data_api_version'; add \"data_api_version\": \"3.0\" and a routing_model");
        }
        if (function == null || function.code() == null) {
            return;
        }
        Set<String> screens = new LinkedHashSet<>();
        json.path("screens").forEach(s -> screens.add(s.path("id").asText()));
        // the screens an endpoint may lead to: the first (INIT opens the flow) and routing_model's targets
        Set<String> routed = new LinkedHashSet<>();
        routed.add(json.path("screens").path(0).path("id").asText());
        json.path("routing_model").forEach(targets -> targets.forEach(t -> routed.add(t.asText())));
        Matcher m = ANSWERED_SCREEN.matcher(function.code());
        while (m.find()) {
            String screen = m.group(1);
            if (screen.equals("SUCCESS")) {
                continue;
            }
            String before = function.code().substring(0, m.start());
            SourceLocation at = codeLocation(
                    function,
                    (int) before.chars().filter(c -> c == '\n').count() + 1,
                    m.start() - before.lastIndexOf('\n'));
            if (!screens.contains(screen)) {
                out.warning(
                        "flow_endpoint_unknown_screen",
                        "function '" + function.slug() + "' serves the data endpoint of " + owner + " and answers with"
                                + " screen '" + screen + "', which the flow does not have"
                                + Suggestions.didYouMean(screen, screens) + "; its screens are " + screens,
                        function.subject(),
                        "code",
                        at);
            } else if (json.has("routing_model") && !routed.contains(screen)) {
                out.warning(
                        "flow_endpoint_unrouted_screen",
                        "function '" + function.slug() + "' answers with screen '" + screen + "' of " + owner
                                + ", but no routing_model entry leads there, so Meta refuses the answer; add '"
                                + screen + "' to the routes of the screen whose data_exchange reaches it",
                        function.subject(),
                        "code",
                        at);
            }
        }
    }

    /** Where in the function's code file a line and column are; the function's file when it has none. */
    private static SourceLocation codeLocation(FunctionDefinition function, int line, int column) {
        Optional<String> file = function.sourceMap().file();
        if (function.codeFile() == null || file.isEmpty()) {
            return function.sourceMap().locate("code").orElse(null);
        }
        int slash = file.get().lastIndexOf('/');
        return new SourceLocation(file.get().substring(0, slash + 1) + function.codeFile(), line, column);
    }

    /**
     * A node that opens a flow of this project: by navigating, to a screen it has with every field that
     * screen declares (Meta refuses the message otherwise); by a data exchange, only if the flow has an
     * endpoint.
     */
    private static void opening(
            SendInteractiveConfig node, WhatsappFlow flow, String path, String owner, Findings findings) {
        if (node.flowAction() == FlowAction.DATA_EXCHANGE) {
            if (flow.dataEndpointFunction() == null) {
                findings.error(
                        "flow_endpoint_missing",
                        path + ".flow_action",
                        owner + " opens WhatsApp flow '" + flow.name() + "' with a data exchange, but the flow has"
                                + " no data endpoint; give the flow a 'data_endpoint_function' or open it with"
                                + " flow_action: navigate");
            }
            return;
        }
        JsonNode payload = node.flowActionPayload();
        if (payload == null || !payload.path("screen").isTextual() || flow.flowJson() == null) {
            return;
        }
        String screenId = payload.get("screen").textValue();
        Map<String, JsonNode> screens = new LinkedHashMap<>();
        flow.flowJson().path("screens").forEach(s -> screens.put(s.path("id").asText(), s));
        JsonNode screen = screens.get(screenId);
        if (screen == null) {
            findings.error(
                    "unknown_flow_screen",
                    path + ".flow_action_payload.screen",
                    owner + " opens WhatsApp flow '" + flow.name() + "' at screen '" + screenId
                            + "', which the flow does not have" + Suggestions.didYouMean(screenId, screens.keySet())
                            + "; its screens are " + screens.keySet());
            return;
        }
        List<String> missing = new ArrayList<>();
        screen.path("data").fieldNames().forEachRemaining(field -> {
            if (!payload.path("data").has(field)) {
                missing.add(field);
            }
        });
        if (!missing.isEmpty()) {
            findings.error(
                    "flow_payload_mismatch",
                    path + ".flow_action_payload",
                    owner + " opens screen '" + screenId + "' of WhatsApp flow '" + flow.name() + "' without "
                            + missing + ", which the screen declares in its data; pass them in"
                            + " flow_action_payload.data");
        }
    }

    /**
     * The fields a flow's reply carries: the payload keys of its {@code complete} actions. A flow whose
     * endpoint may complete it ({@code SUCCESS}) carries fields only the function knows: null.
     */
    private static Set<String> replyKeys(WhatsappFlow flow) {
        if (flow.dataEndpointFunction() != null || flow.flowJson() == null) {
            return null;
        }
        Set<String> keys = new TreeSet<>();
        actions(flow.flowJson(), "complete")
                .forEach(complete -> complete.path("payload").fieldNames().forEachRemaining(keys::add));
        return keys;
    }

    /** Every action named {@code name} in a Flow JSON: the values of its {@code *-action} keys. */
    private static List<JsonNode> actions(JsonNode json, String name) {
        List<JsonNode> found = new ArrayList<>();
        collectActions(json, name, found);
        return found;
    }

    private static void collectActions(JsonNode json, String name, List<JsonNode> found) {
        json.properties().forEach(field -> {
            if (field.getKey().endsWith("-action")
                    && field.getValue().path("name").asText().equals(name)) {
                found.add(field.getValue());
            }
        });
        json.forEach(child -> collectActions(child, name, found));
    }

    /** The ids of the nodes a path of edges reaches from {@code from}, given each node's next ones. */
    private static Set<String> following(Map<String, List<String>> next, String from) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(next.getOrDefault(from, List.of()));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (reached.add(id)) {
                queue.addAll(next.getOrDefault(id, List.of()));
            }
        }
        return reached;
    }

    private static void reading(
            Workflow workflow, Map<String, Set<String>> replyFields, Set<String> endpointCompleted, Findings findings) {
        if (replyFields.isEmpty()) {
            return;
        }
        for (Node node : workflow.nodes()) {
            // after a flow an endpoint may complete, the reply's fields are the function's to say
            if (!replyFields.containsKey(node.id()) || endpointCompleted.contains(node.id())) {
                continue;
            }
            Set<String> known = replyFields.get(node.id());
            FlowJsonRules.strings(WorkflowCompiler.config(node), "nodes." + node.id(), Set.of(), (text, path) -> {
                Matcher m = REPLY_FIELD.matcher(text);
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        findings.warning(
                                "flow_reply_unknown_field",
                                path,
                                node.nodeType() + " node '" + node.id() + "' reads flow_response." + m.group(1)
                                        + ", but the WhatsApp flow sent before it completes with " + known
                                        + Suggestions.didYouMean(m.group(1), known)
                                        + "; read one of those or add it to the complete action's payload");
                    }
                }
            });
        }
    }
}
