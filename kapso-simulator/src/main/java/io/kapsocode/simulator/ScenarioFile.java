package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation test written in YAML ({@code src/test/kapso/<workflow>/<name>.yaml}), for teams that
 * never write Java: how it starts, what the world answers, then the steps in order. Read with every
 * mistake reported at once, by file, line and column, with the fix.
 *
 * <pre>{@code
 * name: a known order is tracked
 * start: {user: hi}
 * functions:
 *   lookup-order: [{next_edge: found, vars: {order: {tracking_code: T-9}}}]
 * webhooks:
 *   tracking: {status: in transit}
 * steps:
 *   - expect_text: Hi! What is your order number?
 *   - user: A-17
 *   - expect_text: {contains: in transit}
 *   - expect: ended
 * }</pre>
 *
 * @param file the file, as messages name it
 * @param workflow the workflow it talks to (the folder's name)
 * @param name what it checks
 * @param setup what it does to a conversation, in order
 * @param start how it starts: one of {@link #STARTS}
 * @param movesClock whether an {@code after} step moves the clock (a live project's cannot be)
 */
public record ScenarioFile(
        String file,
        String workflow,
        String name,
        List<Consumer<Conversation>> setup,
        String start,
        boolean movesClock) {

    static final List<String> KEYS = List.of("name", "start", "functions", "webhooks", "ai", "agents", "env", "steps");
    static final List<String> STARTS = List.of("user", "api", "whatsapp_event", "project_event");
    static final List<String> API_KEYS = List.of("variables", "context", "phone_number");

    /** Why it cannot be replayed on a live project, if it cannot: only API starts without 'after' can. */
    public Optional<String> notLive() {
        if (!start.equals("api")) {
            return Optional.of("it starts with '" + start + "'; only a start by the API can be made on a live project");
        }
        if (movesClock) {
            return Optional.of("it moves the clock ('after'), which a live project's cannot be");
        }
        return Optional.empty();
    }

    static final List<String> STEPS = List.of(
            "user",
            "after",
            "expect_text",
            "expect_waiting_at",
            "expect_variable",
            "expect_event",
            "expect",
            "expect_failed",
            "expect_no_more_messages");
    static final List<String> OUTCOMES = List.of("ended", "handoff", "waiting");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /**
     * Plays it on a new conversation with the workflow: every stub, message and expectation in order.
     *
     * @throws AssertionError at the first expectation that does not hold, naming its line
     */
    public void play(Conversation conversation) {
        setup.forEach(step -> step.accept(conversation));
    }

    /**
     * Reads one scenario file.
     *
     * @param file the file as messages name it; its folder names the workflow
     * @return the scenario, or empty when it has errors (all of them in {@code diagnostics})
     */
    public static Optional<ScenarioFile> read(String file, String text, Project project, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file, text, SourceFormat.YAML, "a scenario must be a mapping with 'start' and 'steps'", diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Reader reader = new Reader(parsed.get(), project, diagnostics);
        return reader.read();
    }

    private static final class Reader {
        final SourceDocument document;
        final Project project;
        final Diagnostics diagnostics;
        final String file;
        final String slug;
        Workflow workflow;
        boolean failed;
        String startKind = "user";
        boolean movesClock;
        final List<Consumer<Conversation>> setup = new ArrayList<>();

        Reader(SourceDocument document, Project project, Diagnostics diagnostics) {
            this.document = document;
            this.project = project;
            this.diagnostics = diagnostics;
            this.file = document.file();
            this.slug = SourceDocument.folderName(file, "");
        }

        Optional<ScenarioFile> read() {
            ObjectNode root = (ObjectNode) document.root();
            List<String> slugs =
                    project.workflows().stream().map(Workflow::slug).toList();
            workflow = project.workflow(slug).orElse(null);
            if (workflow == null) {
                error(
                        "",
                        "the scenario's folder '" + slug + "' names no workflow" + Suggestions.didYouMean(slug, slugs)
                                + "; put it under src/test/kapso/<workflow slug>/");
                return Optional.empty();
            }
            keys(root, "", KEYS, "a scenario");
            if (!root.has("start")) {
                error("", "the scenario has no 'start'; begin with start: {user: hi} or start: {api: {variables: {}}}");
            }
            if (!root.path("steps").isArray()) {
                error(
                        root.has("steps") ? "/steps" : "",
                        "the scenario needs 'steps', a list such as"
                                + " [{expect_text: Hi!}, {user: A-17}, {expect: ended}]");
            }
            stubs(root);
            if (root.has("start")) {
                start(root.get("start"));
            }
            JsonNode steps = root.path("steps");
            for (int i = 0; i < steps.size(); i++) {
                step(steps.get(i), "/steps/" + i);
            }
            String name = root.path("name").asText(file.substring(file.lastIndexOf('/') + 1));
            return failed
                    ? Optional.empty()
                    : Optional.of(new ScenarioFile(file, slug, name, List.copyOf(setup), startKind, movesClock));
        }

        void stubs(ObjectNode root) {
            root.path("functions").properties().forEach(e -> {
                String pointer = "/functions/" + SourceDocument.escape(e.getKey());
                for (JsonNode answer : items(e.getValue())) {
                    if (!answer.isObject()) {
                        error(
                                pointer,
                                "an answer of function '" + e.getKey() + "' must be a mapping such as"
                                        + " {next_edge: found, vars: {...}} or {fail: why}");
                        continue;
                    }
                    FunctionAnswer stub = answer.has("fail")
                            ? FunctionAnswer.failed(answer.get("fail").asText())
                            : FunctionAnswer.body(answer);
                    setup.add(c -> c.function(e.getKey()).returns(stub));
                }
            });
            root.path("webhooks").properties().forEach(e -> {
                node(e.getKey(), "/webhooks/" + SourceDocument.escape(e.getKey()), "webhook");
                for (JsonNode answer : items(e.getValue())) {
                    setup.add(c -> c.webhook(e.getKey(), answer));
                }
            });
            root.path("ai").properties().forEach(e -> {
                node(e.getKey(), "/ai/" + SourceDocument.escape(e.getKey()), "decide");
                for (JsonNode label : items(e.getValue())) {
                    setup.add(c -> c.aiPicks(e.getKey(), label.asText()));
                }
            });
            root.path("agents").properties().forEach(e -> {
                String pointer = "/agents/" + SourceDocument.escape(e.getKey());
                node(e.getKey(), pointer, "agent");
                List<AgentTurn> turns = new ArrayList<>();
                JsonNode items = e.getValue();
                for (int i = 0; i < items.size(); i++) {
                    agentTurn(items.get(i), pointer + "/" + i).ifPresent(turns::add);
                }
                setup.add(c -> c.agent(e.getKey(), turns.toArray(AgentTurn[]::new)));
            });
            root.path("env")
                    .properties()
                    .forEach(e -> setup.add(c -> c.env(e.getKey(), e.getValue().asText())));
        }

        Optional<AgentTurn> agentTurn(JsonNode turn, String pointer) {
            if (turn.isTextual()) {
                return switch (turn.textValue()) {
                    case "complete" -> Optional.of(AgentTurn.complete());
                    case "wait" -> Optional.of(AgentTurn.waitForUser());
                    case "handoff" -> Optional.of(AgentTurn.handoff(null));
                    default -> {
                        error(
                                pointer,
                                "an agent turn is complete, wait, handoff, {reply: text} or {tool: name,"
                                        + " input: {...}}, not '" + turn.textValue() + "'"
                                        + Suggestions.didYouMean(
                                                turn.textValue(), List.of("complete", "wait", "handoff")));
                        yield Optional.empty();
                    }
                };
            }
            if (turn.has("reply")) {
                return Optional.of(AgentTurn.reply(turn.get("reply").asText()));
            }
            if (turn.has("tool")) {
                return Optional.of(AgentTurn.tool(turn.get("tool").asText(), turn.path("input")));
            }
            if (turn.has("handoff")) {
                return Optional.of(AgentTurn.handoff(turn.get("handoff").asText()));
            }
            error(pointer, "an agent turn is complete, wait, handoff, {reply: text} or {tool: name, input: {...}}");
            return Optional.empty();
        }

        void start(JsonNode start) {
            if (!start.isObject() || start.size() != 1) {
                error("/start", "'start' is one of " + STARTS + ", such as start: {user: hi}");
                return;
            }
            Map.Entry<String, JsonNode> how = start.properties().iterator().next();
            JsonNode value = how.getValue();
            startKind = how.getKey();
            switch (how.getKey()) {
                case "user" -> setup.add(c -> c.user(value.asText()));
                case "api" -> {
                    if (value.isObject()) {
                        keys((ObjectNode) value, "/start/api", API_KEYS, "an api start");
                    }
                    String phone = value.path("phone_number").asText(null);
                    setup.add(c -> c.startedByApi(phone, map(value.path("variables")), map(value.path("context"))));
                }
                case "whatsapp_event" ->
                    setup.add(c -> c.startedByWhatsappEvent(value.path("event").asText(), map(value.path("payload"))));
                case "project_event" ->
                    setup.add(c -> c.startedByProjectEvent(value.path("name").asText(), map(value.path("properties"))));
                default ->
                    error(
                            "/start/" + SourceDocument.escape(how.getKey()),
                            "unknown start '" + how.getKey() + "'" + Suggestions.didYouMean(how.getKey(), STARTS)
                                    + "; use one of " + STARTS);
            }
        }

        void step(JsonNode step, String pointer) {
            if (step.isTextual() && step.textValue().equals("expect_no_more_messages")) {
                setup.add(Conversation::expectNoMoreMessages);
                return;
            }
            if (!step.isObject() || step.size() != 1) {
                error(pointer, "a step is a mapping of one key, one of " + STEPS + ", such as {user: A-17}");
                return;
            }
            Map.Entry<String, JsonNode> entry = step.properties().iterator().next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String at = pointer + "/" + SourceDocument.escape(key);
            SourceLocation where = document.keyAt(at);
            String line = "(" + where + ")";
            switch (key) {
                case "user" -> setup.add(c -> c.user(value.asText()));
                case "after" -> {
                    movesClock = true;
                    duration(value, at).ifPresent(d -> setup.add(c -> c.after(d)));
                }
                case "expect_text" ->
                    text(value, at).ifPresent(t -> setup.add(c -> located(line, () -> c.expectText(t))));
                case "expect_waiting_at" -> {
                    node(value.asText(), at, null);
                    setup.add(c -> located(line, () -> c.expectWaitingAt(value.asText())));
                }
                case "expect_variable" ->
                    value.properties()
                            .forEach(v ->
                                    setup.add(c -> located(line, () -> c.expectVariable(v.getKey(), v.getValue()))));
                case "expect_event" -> setup.add(c -> located(line, () -> c.expectEvent(value.asText())));
                case "expect_failed" -> setup.add(c -> located(line, () -> c.expectFailed(value.asText())));
                case "expect_no_more_messages" -> setup.add(c -> located(line, c::expectNoMoreMessages));
                case "expect" -> {
                    String outcome = value.asText();
                    if (!OUTCOMES.contains(outcome)) {
                        error(
                                at,
                                "expect takes " + OUTCOMES + Suggestions.didYouMean(outcome, OUTCOMES)
                                        + "; use expect_failed: <reason> for a failure");
                    } else {
                        setup.add(c -> located(line, () -> {
                            switch (outcome) {
                                case "ended" -> c.expectEnded();
                                case "handoff" -> c.expectHandoff();
                                default -> c.expectWaiting();
                            }
                        }));
                    }
                }
                default ->
                    errorAtKey(
                            pointer + "/" + SourceDocument.escape(key),
                            "unknown step '" + key + "'" + Suggestions.didYouMean(key, STEPS) + "; use one of "
                                    + STEPS);
            }
        }

        Optional<Text> text(JsonNode value, String pointer) {
            if (value.isTextual()) {
                return Optional.of(Text.is(value.textValue()));
            }
            if (value.has("contains")) {
                return Optional.of(Text.contains(value.get("contains").asText()));
            }
            if (value.has("matches")) {
                return Optional.of(Text.matches(value.get("matches").asText()));
            }
            error(pointer, "expect_text is the exact text, or {contains: part}, or {matches: regex}");
            return Optional.empty();
        }

        Optional<Duration> duration(JsonNode value, String pointer) {
            Matcher m = DURATION.matcher(value.asText().strip());
            if (!m.matches()) {
                error(pointer, "'after' is a duration such as 90s, 15m, 12h or 7d, not '" + value.asText() + "'");
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }

        /**
         * A node the scenario names must exist (and be of the type, when given); where a conversation
         * waits may be a node of a workflow it calls.
         */
        void node(String id, String pointer, String type) {
            Set<String> ids = new java.util.TreeSet<>();
            workflow.nodes().forEach(n -> ids.add(n.id()));
            Optional<Node> node = workflow.node(id);
            if (node.isEmpty() && type == null) {
                for (Workflow callee : callees(workflow, new java.util.LinkedHashSet<>())) {
                    callee.nodes().forEach(n -> ids.add(n.id()));
                    node = node.or(() -> callee.node(id));
                }
            }
            // a node named as a key (ai: {route: ...}) is located at the key, one named as a value at the value
            boolean asKey = pointer.endsWith("/" + SourceDocument.escape(id));
            String message = node.isEmpty()
                    ? "workflow '" + slug + "' has no node '" + id + "'" + Suggestions.didYouMean(id, ids)
                    : type != null && !node.get().nodeType().equals(type)
                            ? "node '" + id + "' is a " + node.get().nodeType() + " node, not a " + type + " node"
                            : null;
            if (message != null && asKey) {
                errorAtKey(pointer, message);
            } else if (message != null) {
                error(pointer, message);
            }
        }

        /** The workflows a workflow calls, and those they call. */
        Set<Workflow> callees(Workflow caller, Set<Workflow> found) {
            for (Node n : caller.nodes()) {
                if (n.config() instanceof io.kapsocode.model.node.CallConfig call && call.workflowSlug() != null) {
                    project.workflow(call.workflowSlug()).filter(found::add).ifPresent(w -> callees(w, found));
                }
            }
            return found;
        }

        void keys(ObjectNode object, String pointer, List<String> known, String what) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    String at = pointer + "/" + SourceDocument.escape(key);
                    diagnostics.error(
                            "unknown_key",
                            "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, known)
                                    + "; valid keys: " + String.join(", ", known),
                            "scenario",
                            "",
                            document.keyAt(at));
                    failed = true;
                }
            }
        }

        void errorAtKey(String pointer, String message) {
            diagnostics.error("invalid_scenario", message, "scenario", "", document.keyAt(pointer));
            failed = true;
        }

        void error(String pointer, String message) {
            diagnostics.error("invalid_scenario", message, "scenario", "", document.at(pointer));
            failed = true;
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static List<JsonNode> items(JsonNode value) {
            List<JsonNode> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(items::add);
            } else {
                items.add(value);
            }
            return items;
        }

        static Map<String, Object> map(JsonNode value) {
            if (!value.isObject()) {
                return Map.of();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = MAPPER.convertValue(value, Map.class);
            return map;
        }

        /** An expectation that fails names the line of the scenario it came from. */
        static void located(String line, Runnable expectation) {
            try {
                expectation.run();
            } catch (AssertionError e) {
                AssertionError located = new AssertionError(line + " " + e.getMessage());
                located.setStackTrace(new StackTraceElement[0]);
                throw located;
            }
        }
    }
}
