package io.kapsocode.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.validate.ProjectValidator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating a large WhatsApp Flow: {@code screens} screens in a chain, each with a form input, a
 * text reading the previous screen's form, a declared data field passed on by navigate, the last one
 * terminal. The goal is under 50 ms for 100 screens (see the README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FlowValidationBenchmark {

    @Param({"100"})
    public int screens;

    private Project project;

    @Setup(Level.Trial)
    public void setUp() {
        project = new Project(
                List.of(), List.of(), List.of(new WhatsappFlow("big", null, flow(screens), "111", false, null, null)));
        List<Diagnostic> diagnostics = ProjectValidator.validate(project);
        if (!diagnostics.isEmpty()) {
            throw new IllegalStateException(
                    "the generated flow must be valid: " + diagnostics.get(0).format());
        }
    }

    @Benchmark
    public List<Diagnostic> validate() {
        return ProjectValidator.validate(project);
    }

    static JsonNode flow(int count) {
        ObjectNode flow = Json.object().put("version", "7.3");
        ArrayNode list = flow.putArray("screens");
        for (int i = 0; i < count; i++) {
            ObjectNode screen = list.addObject().put("id", "S" + i).put("title", "Step " + i);
            boolean last = i == count - 1;
            if (last) {
                screen.put("terminal", true);
            }
            screen.putObject("data").putObject("step").put("type", "string").put("__example__", "1");
            ArrayNode children =
                    screen.putObject("layout").put("type", "SingleColumnLayout").putArray("children");
            children.addObject().put("type", "TextHeading").put("text", "Step ${data.step}");
            if (i > 0) {
                children.addObject().put("type", "TextBody").put("text", "${screen.S" + (i - 1) + ".form.answer}");
            }
            children.addObject().put("type", "TextInput").put("name", "answer").put("label", "Answer");
            ObjectNode action = children.addObject()
                    .put("type", "Footer")
                    .put("label", last ? "Done" : "Next")
                    .putObject("on-click-action");
            if (last) {
                action.put("name", "complete").putObject("payload").put("answer", "${form.answer}");
            } else {
                action.put("name", "navigate");
                action.putObject("next").put("type", "screen").put("name", "S" + (i + 1));
                action.putObject("payload").put("step", String.valueOf(i + 1));
            }
        }
        return flow;
    }
}
