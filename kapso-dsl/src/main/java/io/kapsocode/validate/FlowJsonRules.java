package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.model.FlowScreens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Meta's Flow JSON rules ({@code docs/flow-json-rules.md}, each with its source), checked before Meta
 * would refuse the version at apply time: the screens and their navigation as a graph (every screen
 * reachable from the first, a terminal screen reachable from every screen, navigate targets and the
 * routing model naming real screens), then each component and action against the flow's version,
 * terminal screens and their footer, {@code ${data.x}} / {@code ${form.x}} / {@code ${screen.S...}}
 * references, navigate payloads, and Meta's text and list limits.
 */
final class FlowJsonRules {

    /** The Flow JSON versions Meta has published. */
    static final List<String> VERSIONS =
            List.of("2.1", "3.0", "3.1", "4.0", "5.0", "5.1", "6.0", "6.1", "6.2", "6.3", "7.0", "7.1", "7.2", "7.3");

    /** The version each component first appeared in. */
    static final Map<String, String> COMPONENT_SINCE = new LinkedHashMap<>();

    /** The version each action first appeared in. */
    static final Map<String, String> ACTION_SINCE = Map.of(
            "navigate", "2.1", "complete", "2.1", "data_exchange", "3.0", "update_data", "6.0", "open_url", "6.0");

    static {
        for (String type : List.of(
                "TextHeading",
                "TextSubheading",
                "TextBody",
                "TextCaption",
                "Image",
                "TextInput",
                "TextArea",
                "CheckboxGroup",
                "RadioButtonsGroup",
                "Dropdown",
                "OptIn",
                "DatePicker",
                "Footer",
                "EmbeddedLink",
                "Form")) {
            COMPONENT_SINCE.put(type, "2.1");
        }
        for (String type : List.of("PhotoPicker", "DocumentPicker", "If", "Switch")) {
            COMPONENT_SINCE.put(type, "4.0");
        }
        COMPONENT_SINCE.put("RichText", "5.1");
        COMPONENT_SINCE.put("CalendarPicker", "6.1");
        COMPONENT_SINCE.put("NavigationList", "6.2");
        COMPONENT_SINCE.put("ChipsSelector", "6.3");
        COMPONENT_SINCE.put("ImageCarousel", "7.1");
    }

    /** Meta's limits on literal texts, by component and property. */
    static final Map<String, Map<String, Integer>> TEXT_LIMITS = Map.of(
            "TextHeading", Map.of("text", 80),
            "TextSubheading", Map.of("text", 80),
            "TextBody", Map.of("text", 4096),
            "TextCaption", Map.of("text", 409),
            "TextInput", Map.of("label", 20),
            "Footer", Map.of("label", 35));

    static final Map<String, Integer> OPTION_LIMITS =
            Map.of("RadioButtonsGroup", 20, "CheckboxGroup", 20, "Dropdown", 200);

    private static final List<String> ACTION_KEYS =
            List.of("on-click-action", "on-select-action", "on-unselect-action", "on-change-action");

    private FlowJsonRules() {}

    /** One screen as the rules see it: where it is, its components, actions, inputs and declared data. */
    static final class Screen {
        final String id;
        final String path;
        final JsonNode json;
        final List<Located> components = new ArrayList<>();
        final List<Located> actions = new ArrayList<>();
        final Set<String> inputs = new HashSet<>();
        /** Whether one of its navigate actions names no screen (its routes are already reported broken). */
        boolean brokenRoute;

        Screen(String id, String path, JsonNode json) {
            this.id = id;
            this.path = path;
            this.json = json;
        }

        boolean terminal() {
            return json.path("terminal").asBoolean(false);
        }

        boolean declares(String field) {
            return json.path("data").has(field);
        }
    }

    record Located(JsonNode json, String path) {}

    static void check(JsonNode flow, Findings findings) {
        String version = flow.path("version").asText("");
        if (!VERSIONS.contains(version)) {
            findings.error(
                    "flow_unknown_version",
                    "flow_json.version",
                    "Flow JSON version '" + version + "' is not one Meta has published"
                            + Suggestions.didYouMean(version, VERSIONS) + "; use " + VERSIONS.get(VERSIONS.size() - 1));
        }
        Map<String, Screen> screens = screens(flow, findings);
        if (screens.isEmpty()) {
            return;
        }
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        screens.keySet().forEach(graph::addVertex);
        routingModel(flow, screens, graph, findings);
        for (Screen screen : screens.values()) {
            FlowData.declarations(screen, findings);
            components(screen, version, findings);
            actions(screen, screens, version, graph, flow.has("routing_model"), flow.has("data_api_version"), findings);
            references(screen, screens, findings);
        }
        terminals(screens, findings);
        reachability(screens, graph, findings);
    }

    private static Map<String, Screen> screens(JsonNode flow, Findings findings) {
        Map<String, Screen> screens = new LinkedHashMap<>();
        JsonNode list = flow.path("screens");
        for (int i = 0; i < list.size(); i++) {
            JsonNode json = list.get(i);
            String path = "flow_json.screens." + i;
            String id = json.path("id").asText("");
            if (id.isEmpty()) {
                continue; // reported as invalid_flow_json
            }
            if (id.equals("SUCCESS")) {
                findings.error(
                        "flow_reserved_screen_id",
                        path + ".id",
                        "screen id 'SUCCESS' is reserved by Meta for completing a flow from its endpoint; rename the"
                                + " screen");
            }
            if (screens.containsKey(id)) {
                findings.error(
                        "flow_duplicate_screen",
                        path + ".id",
                        "two screens have the id '" + id + "'; screen ids must be unique");
                continue;
            }
            Screen screen = new Screen(id, path, json);
            FlowScreens.components(json, path, (component, at) -> {
                screen.components.add(new Located(component, at));
                if (component.path("name").isTextual()) {
                    screen.inputs.add(component.get("name").textValue());
                }
                actionsOf(component, at, screen.actions);
                for (String itemsKey : List.of("list-items", "data-source")) {
                    JsonNode items = component.path(itemsKey);
                    for (int item = 0; item < items.size(); item++) {
                        actionsOf(items.get(item), at + "." + itemsKey + "." + item, screen.actions);
                    }
                }
            });
            screens.put(id, screen);
        }
        return screens;
    }

    /** A component's actions, and those of the items of its lists (a NavigationList item navigates). */
    private static void actionsOf(JsonNode element, String path, List<Located> actions) {
        for (String key : ACTION_KEYS) {
            if (element.path(key).isObject()) {
                actions.add(new Located(element.get(key), path + "." + key));
            }
        }
    }

    private static void routingModel(
            JsonNode flow, Map<String, Screen> screens, Graph<String, DefaultEdge> graph, Findings findings) {
        JsonNode routing = flow.path("routing_model");
        if (!routing.isObject()) {
            if (flow.has("data_api_version")) {
                findings.error(
                        "flow_routing_model",
                        "flow_json",
                        "a flow with a data endpoint ('data_api_version') needs a 'routing_model' saying which"
                                + " screen may follow which");
            }
            return;
        }
        routing.properties().forEach(entry -> {
            String source = entry.getKey();
            String path = "flow_json.routing_model." + source;
            if (!screens.containsKey(source)) {
                findings.error(
                        "flow_routing_model",
                        path,
                        "routing_model names screen '" + source + "', which does not exist"
                                + Suggestions.didYouMean(source, screens.keySet()));
                return;
            }
            JsonNode targets = entry.getValue();
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i).asText();
                if (!screens.containsKey(target)) {
                    findings.error(
                            "flow_routing_model",
                            path + "." + i,
                            "routing_model lets '" + source + "' go to screen '" + target + "', which does not exist"
                                    + Suggestions.didYouMean(target, screens.keySet()));
                } else {
                    graph.addEdge(source, target);
                }
            }
        });
    }

    private static void components(Screen screen, String version, Findings findings) {
        for (Located component : screen.components) {
            String type = component.json().path("type").asText("");
            String since = COMPONENT_SINCE.get(type);
            if (since == null) {
                findings.warning(
                        "flow_unknown_component",
                        component.path() + ".type",
                        "screen '" + screen.id + "' uses component '" + type + "', which this tool does not know"
                                + Suggestions.didYouMean(type, COMPONENT_SINCE.keySet())
                                + "; it is kept as written and not checked");
                continue;
            }
            if (VERSIONS.contains(version) && older(version, since)) {
                findings.error(
                        "flow_component_not_in_version",
                        component.path() + ".type",
                        "screen '" + screen.id + "' uses " + type + ", which Flow JSON has only since " + since
                                + "; this flow is version " + version + ": raise 'version' to " + since
                                + " or later");
            }
            // a component too new for the version is one error, not one more per property
            boolean versioned = VERSIONS.contains(version) && !older(version, since);
            FlowComponents.check(screen.id, component.json(), component.path(), versioned ? version : null, findings);
            if (type.equals("If") && component.json().path("condition").isTextual()) {
                FlowCondition.problem(component.json().get("condition").textValue())
                        .ifPresent(problem -> findings.error(
                                "flow_condition_syntax",
                                component.path() + ".condition",
                                "the condition of an If on screen '" + screen.id + "' cannot be read: " + problem
                                        + "; conditions combine references, quoted texts, numbers and true/false"
                                        + " with == != < <= > >= && || ! and parentheses"));
            }
            if (FlowComponents.INPUTS.contains(type)
                    && VERSIONS.contains(version)
                    && older(version, "4.0")
                    && !component
                            .path()
                            .substring(screen.path.length())
                            .matches(".*\\.children\\.\\d+\\.children\\..*")) {
                findings.error(
                        "flow_input_outside_form",
                        component.path(),
                        type + " on screen '" + screen.id + "' is not inside a Form; before Flow JSON 4.0 every input"
                                + " belongs to a Form: wrap it in one or raise 'version' to 4.0");
            }
            FlowComponents.items(screen.id, component.json(), component.path(), findings);
            FlowComponents.dates(
                    screen.id,
                    component.json(),
                    component.path(),
                    VERSIONS.contains(version) ? version : null,
                    findings);
            limits(screen, component, type, findings);
        }
        FlowLayout.inputNames(screen, findings);
        FlowLayout.footers(screen, findings);
    }

    private static void limits(Screen screen, Located component, String type, Findings findings) {
        TEXT_LIMITS.getOrDefault(type, Map.of()).forEach((key, max) -> {
            JsonNode text = component.json().path(key);
            if (text.isTextual()
                    && !text.textValue().contains("${")
                    && text.textValue().codePointCount(0, text.textValue().length()) > max) {
                findings.warning(
                        "flow_limit_exceeded",
                        component.path() + "." + key,
                        type + " '" + key + "' on screen '" + screen.id + "' has "
                                + text.textValue()
                                        .codePointCount(0, text.textValue().length())
                                + " characters; Meta allows " + max);
            }
        });
        Integer maxOptions = OPTION_LIMITS.get(type);
        JsonNode options = component.json().path("data-source");
        if (maxOptions != null && options.isArray() && options.size() > maxOptions) {
            findings.warning(
                    "flow_limit_exceeded",
                    component.path() + ".data-source",
                    type + " on screen '" + screen.id + "' offers " + options.size() + " options; Meta allows "
                            + maxOptions);
        }
    }

    private static void actions(
            Screen screen,
            Map<String, Screen> screens,
            String version,
            Graph<String, DefaultEdge> graph,
            boolean routed,
            boolean dataApi,
            Findings findings) {
        for (Located action : screen.actions) {
            String name = action.json().path("name").asText("");
            String since = ACTION_SINCE.get(name);
            if (since == null) {
                findings.error(
                        "flow_unknown_action",
                        action.path() + ".name",
                        "screen '" + screen.id + "' uses action '" + name + "'"
                                + Suggestions.didYouMean(name, ACTION_SINCE.keySet()) + "; the actions are "
                                + String.join(", ", new java.util.TreeSet<>(ACTION_SINCE.keySet())));
                continue;
            }
            if (VERSIONS.contains(version) && older(version, since)) {
                findings.error(
                        "flow_action_not_in_version",
                        action.path() + ".name",
                        "action '" + name + "' exists only since Flow JSON " + since + "; this flow is version "
                                + version);
            }
            if (name.equals("data_exchange") && !dataApi) {
                findings.error(
                        "flow_data_api_version",
                        action.path() + ".name",
                        "screen '" + screen.id + "' exchanges data with an endpoint, but the flow declares no"
                                + " 'data_api_version'; add \"data_api_version\": \"3.0\" (and a routing_model)");
            }
            if (name.equals("complete") && !screen.terminal()) {
                findings.error(
                        "flow_complete_not_terminal",
                        action.path() + ".name",
                        "screen '" + screen.id + "' completes the flow but is not terminal; add \"terminal\": true"
                                + " to it, or navigate to a terminal screen");
            }
            if (name.equals("navigate")) {
                String target = action.json().path("next").path("name").asText("");
                Screen next = screens.get(target);
                if (next == null) {
                    findings.error(
                            "flow_navigate_target",
                            action.path() + ".next.name",
                            "screen '" + screen.id + "' navigates to screen '" + target + "', which does not exist"
                                    + Suggestions.didYouMean(target, screens.keySet()));
                    screen.brokenRoute = true;
                    continue;
                }
                if (routed && !graph.containsEdge(screen.id, target)) {
                    findings.error(
                            "flow_routing_model",
                            action.path() + ".next.name",
                            "screen '" + screen.id + "' navigates to '" + target + "', but routing_model does not"
                                    + " list that route; add \"" + target + "\" to routing_model." + screen.id);
                }
                graph.addEdge(screen.id, target);
                List<String> missing = new ArrayList<>();
                next.json.path("data").fieldNames().forEachRemaining(field -> {
                    if (!action.json().path("payload").has(field)) {
                        missing.add(field);
                    }
                });
                if (!missing.isEmpty()) {
                    findings.error(
                            "flow_navigate_payload",
                            action.path() + ".payload",
                            "screen '" + screen.id + "' navigates to '" + target + "' without " + missing + ", which '"
                                    + target + "' declares in its data; pass them in 'payload'");
                }
            }
        }
    }

    private static void references(Screen screen, Map<String, Screen> screens, Findings findings) {
        strings(screen.json, screen.path, Set.of("data"), (text, path) -> { // data: declarations, not uses
            Matcher m = FlowScreens.REFERENCE.matcher(text);
            while (m.find()) {
                Screen owner = m.group(1) != null ? screen : screens.get(m.group(3));
                String scope = m.group(1) != null ? m.group(1) : m.group(4);
                String field = m.group(1) != null ? m.group(2) : m.group(5);
                String reference = m.group();
                if (owner == null) {
                    findings.error(
                            "flow_undeclared_reference",
                            path,
                            reference + " names screen '" + m.group(3) + "', which does not exist"
                                    + Suggestions.didYouMean(m.group(3), screens.keySet()));
                } else if (scope.equals("data") && !owner.declares(field)) {
                    findings.error(
                            "flow_undeclared_reference",
                            path,
                            reference + " on screen '" + screen.id + "' reads data '" + field + "', which screen '"
                                    + owner.id + "' does not declare; declare it in its 'data' with a type and an"
                                    + " __example__");
                } else if (scope.equals("form") && !owner.inputs.contains(field)) {
                    findings.error(
                            "flow_undeclared_reference",
                            path,
                            reference + " on screen '" + screen.id + "' reads form field '" + field + "', but no"
                                    + " component of screen '" + owner.id + "' is named so"
                                    + Suggestions.didYouMean(field, owner.inputs));
                }
            }
        });
    }

    /** Visits every text under {@code json} with its element path, not descending into the {@code skipped} keys. */
    static void strings(
            JsonNode json, String path, Set<String> skipped, java.util.function.BiConsumer<String, String> visit) {
        if (json.isTextual()) {
            visit.accept(json.textValue(), path);
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                strings(json.get(i), path + "." + i, skipped, visit);
            }
        } else if (json.isObject()) {
            json.properties().forEach(e -> {
                if (!skipped.contains(e.getKey())) {
                    strings(e.getValue(), path + "." + e.getKey(), skipped, visit);
                }
            });
        }
    }

    private static void terminals(Map<String, Screen> screens, Findings findings) {
        if (screens.values().stream().noneMatch(Screen::terminal)) {
            findings.error(
                    "flow_no_terminal_screen",
                    "flow_json.screens",
                    "no screen is terminal, so the flow can never finish; add \"terminal\": true to its last screen");
        }
        for (Screen screen : screens.values()) {
            boolean footer = screen.components.stream()
                    .anyMatch(c -> c.json().path("type").asText().equals("Footer"));
            if (screen.terminal() && !footer) {
                findings.error(
                        "flow_terminal_without_footer",
                        screen.path + ".layout.children",
                        "terminal screen '" + screen.id + "' has no Footer; Meta requires one (with a complete or"
                                + " data_exchange action) on every terminal screen");
            }
        }
    }

    /** Every screen is reached from the first, and from every screen a terminal one can be reached. */
    private static void reachability(Map<String, Screen> screens, Graph<String, DefaultEdge> graph, Findings findings) {
        String first = screens.keySet().iterator().next();
        Set<String> reached = new LinkedHashSet<>();
        new BreadthFirstIterator<>(graph, first).forEachRemaining(reached::add);
        Set<String> finishing = new HashSet<>();
        Graph<String, DefaultEdge> backwards = new EdgeReversedGraph<>(graph);
        screens.values().stream()
                .filter(Screen::terminal)
                .forEach(t -> new BreadthFirstIterator<>(backwards, t.id).forEachRemaining(finishing::add));
        for (Screen screen : screens.values()) {
            if (!reached.contains(screen.id)) {
                findings.error(
                        "flow_unreachable_screen",
                        screen.path + ".id",
                        "screen '" + screen.id + "' cannot be reached from the first screen, '" + first
                                + "'; navigate to it, list it in routing_model, or remove it");
            } else if (!finishing.isEmpty() && !finishing.contains(screen.id) && !screen.brokenRoute) {
                findings.error(
                        "flow_no_way_to_finish",
                        screen.path + ".id",
                        "from screen '" + screen.id + "' no route leads to a terminal screen; the user would be stuck");
            }
        }
    }

    static boolean older(String version, String than) {
        return VERSIONS.indexOf(version) < VERSIONS.indexOf(than);
    }
}
