package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A walk through a WhatsApp flow written in YAML ({@code src/test/kapso/flows/<flow>/<name>.yaml}),
 * played by {@link FlowRun}; mistakes are reported all at once, by file, line and column.
 *
 * <pre>{@code
 * name: a customer signs up
 * open: {screen: WELCOME, data: {}}      # optional: the first screen, without data
 * endpoint:                               # what the data endpoint answers, by the screen that asks
 *   DAY: {screen: TIME, data: {times: []}}
 * steps:
 *   - expect_screen: WELCOME
 *   - fill: {full_name: Ana Silva}
 *   - tap: Done
 *   - expect_completed: {full_name: Ana Silva}
 * }</pre>
 *
 * @param file the file, as messages name it
 * @param flow the flow it walks (the folder's name)
 * @param name what it checks
 * @param steps what it does to a run, in order
 */
public record FlowScenarioFile(String file, String flow, String name, List<Consumer<FlowRun>> steps) {

    static final List<String> KEYS = List.of("name", "open", "endpoint", "steps");
    static final List<String> STEPS = List.of("fill", "tap", "expect_screen", "expect_text", "expect_completed");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Walks the flow, step by step; the first expectation that does not hold throws, naming its line. */
    public FlowRun play(Project project) {
        FlowRun run = FlowRun.of(project, flow);
        steps.forEach(step -> step.accept(run));
        return run;
    }

    public static Optional<FlowScenarioFile> read(String file, String text, Project project, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file, text, SourceFormat.YAML, "a flow scenario must be a mapping with 'steps'", diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SourceDocument document = parsed.get();
        String flowName = SourceDocument.folderName(file, "");
        List<String> names =
                project.whatsappFlows().stream().map(WhatsappFlow::name).toList();
        Problems problems = new Problems(document, diagnostics);
        if (!names.contains(flowName)) {
            problems.error(
                    "",
                    "the scenario's folder '" + flowName + "' names no WhatsApp flow"
                            + Suggestions.didYouMean(flowName, names)
                            + "; put it under src/test/kapso/flows/<flow name>/");
            return Optional.empty();
        }
        ObjectNode root = (ObjectNode) document.root();
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.error(
                        "/" + SourceDocument.escape(key),
                        "unknown key '" + key + "' in a flow scenario" + Suggestions.didYouMean(key, KEYS)
                                + "; valid keys: " + String.join(", ", KEYS));
            }
        });
        List<Consumer<FlowRun>> steps = new ArrayList<>();
        JsonNode endpoint = root.path("endpoint");
        if (endpoint.isObject()) {
            steps.add(run ->
                    run.endpoint(request -> endpoint.path(request.path("screen").asText())));
        }
        JsonNode open = root.path("open");
        if (open.isObject() && open.has("screen")) {
            Map<String, ?> data = map(open.path("data"));
            steps.add(run -> run.open(open.get("screen").asText(), data));
        } else {
            steps.add(FlowRun::open);
        }
        JsonNode list = root.path("steps");
        if (!list.isArray()) {
            problems.error("", "the flow scenario needs 'steps', such as [{fill: {name: Ana}}, {tap: Done}]");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode step = list.get(i);
            String pointer = "/steps/" + i;
            if (!step.isObject() || step.size() != 1) {
                problems.error(pointer, "a step is a mapping of one key, one of " + STEPS);
                continue;
            }
            String key = step.fieldNames().next();
            JsonNode value = step.get(key);
            String line = "(" + document.keyAt(pointer + "/" + SourceDocument.escape(key)) + ")";
            switch (key) {
                case "fill" ->
                    value.properties()
                            .forEach(e -> steps.add(located(line, run -> run.fill(e.getKey(), plain(e.getValue())))));
                case "tap" -> steps.add(located(line, run -> run.tap(value.asText())));
                case "expect_screen" -> steps.add(located(line, run -> run.expectScreen(value.asText())));
                case "expect_text" ->
                    steps.add(located(
                            line,
                            run -> run.expectText(
                                    value.has("contains")
                                            ? Text.contains(
                                                    value.get("contains").asText())
                                            : Text.is(value.asText()))));
                case "expect_completed" -> steps.add(located(line, run -> run.expectCompleted(map(value))));
                default ->
                    problems.error(
                            pointer + "/" + SourceDocument.escape(key),
                            "unknown step '" + key + "'" + Suggestions.didYouMean(key, STEPS) + "; use one of "
                                    + STEPS);
            }
        }
        String name = root.path("name").asText(file.substring(file.lastIndexOf('/') + 1));
        return problems.any
                ? Optional.empty()
                : Optional.of(new FlowScenarioFile(file, flowName, name, List.copyOf(steps)));
    }

    /** The mistakes of one file, located, all reported before anything runs. */
    private static final class Problems {
        final SourceDocument document;
        final Diagnostics diagnostics;
        boolean any;

        Problems(SourceDocument document, Diagnostics diagnostics) {
            this.document = document;
            this.diagnostics = diagnostics;
        }

        void error(String pointer, String message) {
            diagnostics.error("invalid_scenario", message, "scenario", "", document.at(pointer));
            any = true;
        }
    }

    private static Consumer<FlowRun> located(String line, Consumer<FlowRun> step) {
        return run -> {
            try {
                step.accept(run);
            } catch (AssertionError e) {
                throw new AssertionError(line + " " + e.getMessage());
            }
        };
    }

    private static Object plain(JsonNode value) {
        return MAPPER.convertValue(value, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode value) {
        return value.isObject() ? MAPPER.convertValue(value, Map.class) : Map.of();
    }
}
