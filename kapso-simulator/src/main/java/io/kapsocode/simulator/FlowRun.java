package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.FlowScreens;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * A WhatsApp Flow walked screen by screen, as a user does in WhatsApp, offline: open it, read the
 * screen, fill inputs, tap a button, and check where it leads and what it completes with. Actions do
 * what Meta's runtime does: {@code navigate} opens the next screen with the payload as its data,
 * {@code complete} ends the flow with the payload, {@code data_exchange} asks the data endpoint (a stub,
 * or the project's function through Kapso's request shape, contract §F.3), {@code update_data} changes
 * the screen's data. References ({@code ${form.x}}, {@code ${data.x}}, {@code ${screen.S.form.x}}) are
 * resolved as Meta resolves them. A failed expectation shows the walk so far.
 *
 * <pre>{@code
 * FlowRun.of(project, "signup")
 *         .open()
 *         .fill("full_name", "Ana Silva")
 *         .tap("Done")
 *         .expectCompleted(Map.of("full_name", "Ana Silva"));
 * }</pre>
 */
public final class FlowRun {

    private final String name;
    private final Map<String, JsonNode> screens = new LinkedHashMap<>();
    private final Map<String, ObjectNode> data = new HashMap<>();
    private final Map<String, ObjectNode> forms = new HashMap<>();
    private final Set<String> visited = new LinkedHashSet<>();
    private final Set<String> taken = new LinkedHashSet<>();
    private final List<String> transcript = new ArrayList<>();
    private UnaryOperator<JsonNode> endpoint;
    private String endpointFunction;
    private String current;
    private JsonNode completion;

    private FlowRun(String name, JsonNode flowJson) {
        this.name = name;
        flowJson.path("screens").forEach(s -> screens.put(s.path("id").asText(), s));
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("WhatsApp flow '" + name + "' has no screens");
        }
    }

    /** The flow of this name in the project. */
    public static FlowRun of(Project project, String flowName) {
        WhatsappFlow flow = project.whatsappFlows().stream()
                .filter(f -> f.name().equals(flowName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the project has no WhatsApp flow '" + flowName + "'"));
        FlowRun run = of(flowName, flow.flowJson());
        run.endpointFunction = flow.dataEndpointFunction();
        return run;
    }

    public static FlowRun of(String name, JsonNode flowJson) {
        return new FlowRun(name, flowJson);
    }

    /**
     * The data endpoint: given Kapso's {@code data_exchange} request ({@code version}, {@code action},
     * {@code screen}, {@code data}, {@code flow_token}), it answers {@code {screen, data}}; {@code screen:
     * "SUCCESS"} completes the flow with {@code data.extension_message_response.params}.
     */
    public FlowRun endpoint(UnaryOperator<JsonNode> endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /**
     * The data endpoint is the flow's own function ({@code data_endpoint_function}), run by
     * {@code functions} (its JavaScript with {@link JavaScriptFunctions}, say) and called as Kapso calls
     * it: {@code {source: "whatsapp_flow", flow, data_exchange: {...}, signature_valid, received_at}};
     * it answers {@code {version, screen, data}}. A function that fails fails the run, saying why.
     */
    public FlowRun endpointFunction(FunctionRunner functions) {
        if (endpointFunction == null) {
            throw new IllegalStateException("WhatsApp flow '" + name + "' names no data_endpoint_function; give"
                    + " the function's slug with endpointFunction(functions, slug)");
        }
        return endpointFunction(functions, endpointFunction);
    }

    /** The same with the function named: for a flow read without its project. */
    public FlowRun endpointFunction(FunctionRunner functions, String slug) {
        this.endpoint = request -> {
            ObjectNode call = Json.object().put("source", "whatsapp_flow");
            call.putObject("flow").put("id", "flow-run-" + name).put("meta_flow_id", "flow-run-" + name);
            call.set("data_exchange", request);
            call.put("signature_valid", true).put("received_at", java.time.Instant.EPOCH.toString());
            FunctionAnswer answer = functions.run(slug, call);
            if (answer.failure() != null) {
                throw failure("the data endpoint failed: " + answer.failure());
            }
            return answer.body();
        };
        return this;
    }

    // ---- what the user does

    /** Opens the flow at its first screen, without data. */
    public FlowRun open() {
        return open(screens.keySet().iterator().next(), Map.of());
    }

    /** Opens the flow at a screen with data, as a message's {@code flow_action_payload} does. */
    public FlowRun open(String screen, Map<String, ?> screenData) {
        show(screen, (ObjectNode) Json.valueOf(screenData), "open");
        return this;
    }

    /** Types or picks a value in input {@code input} of the screen. */
    public FlowRun fill(String input, Object value) {
        running();
        if (!inputs(screens.get(current)).contains(input)) {
            throw failure(
                    "screen '" + current + "' has no input '" + input + "'; it has " + inputs(screens.get(current)));
        }
        forms.computeIfAbsent(current, k -> Json.object()).set(input, Json.valueOf(value));
        transcript.add("  fill " + input + " = " + Json.compact(Json.valueOf(value)));
        return this;
    }

    /**
     * Taps the button, link or list item labelled {@code label} (a Footer, an EmbeddedLink, an OptIn, a
     * NavigationList item...).
     */
    public FlowRun tap(String label) {
        running();
        List<JsonNode> components = components(screens.get(current));
        Tappable target = null;
        List<String> labels = new ArrayList<>();
        for (Tappable tappable : tappables(components)) {
            String shown = render(tappable.label());
            labels.add(shown);
            if (shown.equals(label) && target == null) {
                target = tappable;
            }
        }
        if (target == null) {
            throw failure("screen '" + current + "' has nothing to tap labelled '" + label + "'; it has " + labels);
        }
        if (target.footer()) {
            for (JsonNode component : components) {
                String input = component.path("name").asText("");
                boolean empty = !forms.getOrDefault(current, Json.object()).has(input);
                if (!input.isEmpty() && component.path("required").asBoolean(false) && empty) {
                    throw failure("'" + label + "' cannot be tapped: required input '" + input + "' of screen '"
                            + current + "' is empty; fill it first");
                }
            }
        }
        taken.add(current + "/" + label);
        act(target.action(), label);
        return this;
    }

    /** Something a user can tap: its label as written, the action it does, and whether it is the Footer. */
    private record Tappable(JsonNode label, JsonNode action, boolean footer) {}

    private static List<Tappable> tappables(List<JsonNode> components) {
        List<Tappable> tappables = new ArrayList<>();
        for (JsonNode component : components) {
            if (component.has("on-click-action") && !component.has("list-items")) {
                JsonNode label = component.path("label").isTextual() ? component.get("label") : component.path("text");
                boolean footer = component.path("type").asText().equals("Footer");
                tappables.add(new Tappable(label, component.get("on-click-action"), footer));
            }
            for (JsonNode item : component.path("list-items")) { // a NavigationList: each item, or the list's action
                JsonNode action =
                        item.has("on-click-action") ? item.get("on-click-action") : component.get("on-click-action");
                if (action != null) {
                    tappables.add(new Tappable(item.path("main-content").path("title"), action, false));
                }
            }
        }
        return tappables;
    }

    private void act(JsonNode action, String label) {
        String kind = action.path("name").asText();
        JsonNode payload = resolve(action.path("payload"));
        switch (kind) {
            case "navigate" -> {
                String next = action.path("next").path("name").asText();
                transcript.add("  tap '" + label + "' -> navigate to " + next + " " + Json.compact(payload));
                show(next, payload.isObject() ? (ObjectNode) payload : Json.object(), "navigate");
            }
            case "complete" -> {
                transcript.add("  tap '" + label + "' -> complete " + Json.compact(payload));
                completion = payload;
                current = null;
            }
            case "data_exchange" -> exchange(payload, label);
            case "update_data" -> {
                transcript.add("  tap '" + label + "' -> update data " + Json.compact(payload));
                if (payload.isObject()) {
                    data.computeIfAbsent(current, k -> Json.object()).setAll((ObjectNode) payload);
                }
            }
            case "open_url" ->
                transcript.add(
                        "  tap '" + label + "' -> open " + action.path("url").asText());
            default ->
                throw failure("'" + label + "' on screen '" + current + "' has action '" + kind
                        + "', which WhatsApp does not know");
        }
    }

    private void exchange(JsonNode payload, String label) {
        if (endpoint == null) {
            throw failure("'" + label + "' on screen '" + current + "' asks the data endpoint (data_exchange); give"
                    + " the run one with endpoint(request -> answer)");
        }
        ObjectNode request = Json.object()
                .put("version", "3.0")
                .put("action", "data_exchange")
                .put("screen", current)
                .put("flow_token", "flow-run-" + name);
        request.set("data", payload);
        JsonNode answer = endpoint.apply(request);
        String next = answer == null ? "" : answer.path("screen").asText("");
        transcript.add("  tap '" + label + "' -> data_exchange " + Json.compact(payload) + " -> " + next);
        if (next.equals("SUCCESS")) {
            completion = answer.path("data").path("extension_message_response").path("params");
            transcript.add("  = completed by the endpoint " + Json.compact(completion));
            current = null;
            return;
        }
        if (next.isEmpty()) {
            throw failure(
                    "the data endpoint answered no 'screen': " + (answer == null ? "nothing" : Json.compact(answer)));
        }
        JsonNode answered = answer.path("data");
        show(next, answered.isObject() ? (ObjectNode) answered.deepCopy() : Json.object(), "endpoint");
    }

    private void show(String screen, ObjectNode screenData, String how) {
        if (!screens.containsKey(screen)) {
            throw failure("the flow has no screen '" + screen + "' to " + how + "; it has " + screens.keySet());
        }
        current = screen;
        data.put(screen, screenData);
        visited.add(screen);
        transcript.add("screen " + screen + (screenData.isEmpty() ? "" : " with " + Json.compact(screenData)));
    }

    // ---- expectations

    public FlowRun expectScreen(String screen) {
        if (!screen.equals(current)) {
            throw failure("expected screen '" + screen + "', but "
                    + (current == null ? "the flow has completed" : "screen '" + current + "' shows"));
        }
        return this;
    }

    /** Some text of the screen (headings, bodies, captions, labels) matches. */
    public FlowRun expectText(Text expected) {
        running();
        List<JsonNode> components = components(screens.get(current));
        List<String> texts = new ArrayList<>();
        for (JsonNode component : components) {
            for (String key : List.of("text", "label")) {
                if (component.has(key)) {
                    texts.add(render(component.get(key)));
                }
            }
        }
        if (texts.stream().noneMatch(expected::test)) {
            throw failure("expected screen '" + current + "' to show " + expected + "; it shows " + texts);
        }
        return this;
    }

    /** The flow completed with exactly this payload (what the workflow's reply carries). */
    public FlowRun expectCompleted(Map<String, ?> payload) {
        if (completion == null) {
            throw failure("expected the flow to complete, but screen '" + current + "' shows");
        }
        if (!completion.equals(Json.valueOf(payload))) {
            throw failure("expected the flow to complete with " + Json.compact(Json.valueOf(payload)) + ", but it"
                    + " completed with " + Json.compact(completion));
        }
        return this;
    }

    /** What the flow completed with, or a missing node while it runs. */
    public JsonNode completion() {
        return completion == null ? Json.object().path("none") : completion.deepCopy();
    }

    /** The screens shown so far. */
    public Set<String> visitedScreens() {
        return Set.copyOf(visited);
    }

    /** The taps so far, as {@code SCREEN/label}. */
    public Set<String> takenActions() {
        return Set.copyOf(taken);
    }

    /** Every tap the flow offers, as {@code SCREEN/label}: what coverage measures the taps made against. */
    public static Set<String> taps(JsonNode flowJson) {
        FlowRun reader = new FlowRun("", flowJson);
        Set<String> taps = new LinkedHashSet<>();
        reader.screens.forEach((id, screen) -> {
            tappables(components(screen))
                    .forEach(t -> taps.add(id + "/" + t.label().asText("")));
        });
        return taps;
    }

    public String transcript() {
        return String.join("\n", transcript);
    }

    // ---- helpers

    private void running() {
        if (current == null) {
            throw failure(completion == null ? "the flow is not open: begin with open()" : "the flow has completed");
        }
    }

    private static Set<String> inputs(JsonNode screen) {
        List<JsonNode> components = components(screen);
        Set<String> names = new LinkedHashSet<>();
        components.forEach(c -> {
            if (c.path("name").isTextual() && !c.path("type").asText().equals("Form")) {
                names.add(c.get("name").textValue());
            }
        });
        return names;
    }

    /** A screen's components in reading order. */
    private static List<JsonNode> components(JsonNode screen) {
        List<JsonNode> out = new ArrayList<>();
        FlowScreens.components(screen, "", (component, path) -> out.add(component));
        return out;
    }

    /** A payload with its references replaced by what they name now. */
    private JsonNode resolve(JsonNode value) {
        if (value.isTextual()) {
            Matcher whole = FlowScreens.REFERENCE.matcher(value.textValue());
            return whole.matches() ? lookup(whole) : Json.text(render(value)); // a whole reference keeps its type
        }
        if (value.isObject()) {
            ObjectNode out = Json.object();
            value.properties().forEach(e -> out.set(e.getKey(), resolve(e.getValue())));
            return out;
        }
        if (value.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Json.array();
            value.forEach(item -> out.add(resolve(item)));
            return out;
        }
        return value.deepCopy();
    }

    private String render(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(part -> parts.add(render(part)));
            return String.join("\n", parts);
        }
        String text = value.asText("");
        Matcher m = FlowScreens.REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode found = lookup(m);
            m.appendReplacement(
                    out, Matcher.quoteReplacement(found.isMissingNode() ? "" : found.asText(Json.compact(found))));
        }
        m.appendTail(out);
        String rendered = out.toString();
        return rendered.startsWith("`") && rendered.endsWith("`") && rendered.length() > 1
                ? rendered.substring(1, rendered.length() - 1)
                : rendered;
    }

    private JsonNode lookup(Matcher m) {
        String screen = m.group(1) != null ? current : m.group(3);
        String scope = m.group(1) != null ? m.group(1) : m.group(4);
        String field = m.group(1) != null ? m.group(2) : m.group(5);
        ObjectNode values = (scope.equals("form") ? forms : data).get(screen);
        return values == null ? Json.object().path(field) : values.path(field);
    }

    private AssertionError failure(String message) {
        return new AssertionError(
                message + "\n\nThe walk through WhatsApp flow '" + name + "' so far:\n" + transcript());
    }
}
