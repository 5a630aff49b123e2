package io.kapsocode.bench;

import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.WorkflowBuilder;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.validate.ProjectValidator;
import io.kapsocode.yaml.WorkflowYamlReader;
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
 * Cost of the offline pipeline on one large workflow: build it with the Java DSL, validate it, compile
 * it to canonical definition JSON; and the same from YAML text. Run with
 * {@code ./mvnw -B -ntp -pl kapso-dsl -Pbench clean test-compile exec:exec@bench} (see the README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g"})
public class PipelineBenchmark {

    @Param({"10000", "100000"})
    public int nodes;

    private String yaml;
    private Workflow built;

    @Setup(Level.Trial)
    public void setUp() {
        yaml = LargeWorkflows.yaml(nodes);
        built = LargeWorkflows.java(nodes);
        List<Diagnostic> diagnostics = validate(LargeWorkflows.java(nodes));
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new IllegalStateException("the generated workflow must be valid: "
                    + diagnostics.get(0).format());
        }
    }

    @Benchmark
    public String javaBuildValidateCompile() {
        Workflow workflow = LargeWorkflows.java(nodes);
        validate(workflow);
        return CanonicalJson.write(WorkflowCompiler.definition(workflow));
    }

    /** The engine alone, on a model already built: graph and field rules, then compilation. */
    @Benchmark
    public String validateCompile() {
        validate(built);
        return CanonicalJson.write(WorkflowCompiler.definition(built));
    }

    @Benchmark
    public String yamlReadValidateCompile() {
        Workflow workflow =
                WorkflowYamlReader.read("bench.yaml", yaml, new Diagnostics()).orElseThrow();
        validate(workflow);
        return CanonicalJson.write(WorkflowCompiler.definition(workflow));
    }

    private static List<Diagnostic> validate(Workflow workflow) {
        return ProjectValidator.validate(new Project(List.of(workflow), List.of(), List.of()));
    }

    /** Generates large, valid workflows: repeated blocks of message, wait, decide with two branches. */
    static final class LargeWorkflows {

        private LargeWorkflows() {}

        /** About {@code size} nodes; a block is 4 nodes. */
        static Workflow java(int size) {
            WorkflowBuilder builder = Kapso.workflow("large").name("Large").start();
            int blocks = size / 4;
            for (int i = 0; i < blocks; i++) {
                int b = i;
                String next = b + 1 < blocks ? "ask" + (b + 1) : "done";
                builder.sendText("ask" + b, "Question " + b + "?")
                        .waitForResponse("wait" + b, w -> w.timeoutSeconds(600).saveResponseTo("answer"))
                        .decide(
                                "route" + (b),
                                d -> d.ai("gpt-5-mini")
                                        .when("yes")
                                        .goTo("yes" + blockId(b))
                                        .when("no")
                                        .goTo(next))
                        .sendText("yes" + blockId(b), "Noted.")
                        .goTo(next);
            }
            return builder.sendText("done", "Thanks!").build();
        }

        /** The same workflow in YAML, one flow-style line per node as a generator would write it. */
        static String yaml(int size) {
            StringBuilder out = new StringBuilder("slug: large\nname: Large\nnodes:\n  start: {next: ask0}\n");
            int blocks = size / 4;
            for (int b = 0; b < blocks; b++) {
                String next = b + 1 < blocks ? "ask" + (b + 1) : "done";
                out.append("  ask")
                        .append(b)
                        .append(": {type: send_text, message: 'Question ")
                        .append(b)
                        .append("?', next: wait")
                        .append(b)
                        .append("}\n");
                out.append("  wait")
                        .append(b)
                        .append(": {type: wait_for_response, timeout_seconds: 600,")
                        .append(" save_response_to: answer, next: route")
                        .append(b)
                        .append("}\n");
                out.append("  route")
                        .append(b)
                        .append(": {type: decide, decision_type: ai,")
                        .append(" provider_model_name: gpt-5-mini, branches: {yes: yes")
                        .append(blockId(b))
                        .append(", no: ")
                        .append(next)
                        .append("}}\n");
                out.append("  yes")
                        .append(blockId(b))
                        .append(": {type: send_text, message: Noted., next: ")
                        .append(next)
                        .append("}\n");
            }
            return out.append("  done: {type: send_text, message: Thanks!}\n").toString();
        }

        private static String blockId(int b) {
            return "_" + b;
        }
    }
}
