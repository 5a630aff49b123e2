package io.kapsocode.simulator.bench;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.WorkflowBuilder;
import io.kapsocode.model.Edge;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.simulator.Execution;
import io.kapsocode.simulator.ExecutionStatus;
import io.kapsocode.simulator.FunctionAnswer;
import io.kapsocode.simulator.JavaScriptFunctions;
import io.kapsocode.simulator.Scenario;
import io.kapsocode.simulator.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Conversations per second through a 30-node workflow: ten rounds of a templated message, a wait for
 * the user and a decision, ending in a message. One operation is one whole conversation (start, ten
 * answers, end). With a stubbed function deciding instead of the AI rule in {@code withFunction}.
 * Run with {@code ./mvnw -B -ntp -pl kapso-simulator -am -Pbench test-compile exec:exec@bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ConversationBenchmark {

    static final int ROUNDS = 10;

    private Simulator byAi;
    private Simulator byFunction;
    private Simulator byJavaScript;
    private JavaScriptFunctions javaScript;

    @Setup
    public void setUp() {
        byAi = new Simulator(project(false), new Scenario());
        byFunction = new Simulator(project(true), new Scenario().function("route", FunctionAnswer.nextEdge("on")));
        Project once = oneJavaScriptFunction();
        javaScript = new JavaScriptFunctions(once, Map.of(), Duration.ofSeconds(10));
        byJavaScript = new Simulator(once, new Scenario().functionCode(javaScript));
    }

    @TearDown
    public void tearDown() {
        javaScript.close();
    }

    /** The same rounds decided by the AI rule, after one function node running real JavaScript. */
    static Project oneJavaScriptFunction() {
        Workflow workflow = project(false).workflows().get(0);
        List<Node> nodes = new ArrayList<>(workflow.nodes());
        nodes.add(new Node("enrich", new FunctionConfig("enrich", "profile")));
        List<Edge> edges = new ArrayList<>();
        for (Edge edge : workflow.edges()) {
            edges.add(edge.source().equals("start") ? new Edge("start", "enrich", "next") : edge);
        }
        edges.add(new Edge("enrich", "say0", "next"));
        FunctionDefinition enrich = Kapso.function("enrich")
                .code("async function handler(request, env) {\n"
                        + "  const { execution_context } = await request.json();\n"
                        + "  const tier = execution_context.vars.name.length > 2 ? 'gold' : 'silver';\n"
                        + "  return new Response(JSON.stringify({ vars: { tier } }));\n"
                        + "}\n")
                .build();
        Workflow withFunction = new Workflow(
                workflow.slug(), workflow.name(), null, null, null, workflow.triggers(), nodes, edges, null);
        return new Project(List.of(withFunction), List.of(enrich), List.of());
    }

    static Project project(boolean function) {
        WorkflowBuilder builder = Kapso.workflow("rounds").onApiCall().start();
        for (int i = 0; i < ROUNDS; i++) {
            int round = i;
            builder.sendText("say" + i, "Round " + i + ", {{vars.name}}: {{last_user_input}}")
                    .waitForResponse("wait" + i, w -> w.saveResponseTo("answer" + round))
                    .decide(
                            "route" + i,
                            d -> (function ? d.function("route") : d.ai("gpt-5-mini"))
                                    .when("on")
                                    .goTo(round + 1 < ROUNDS ? "say" + (round + 1) : "done")
                                    .when("stop")
                                    .goTo("done"));
        }
        builder.setVariable("done", "finished", "true", ValueType.BOOLEAN);
        return new Project(List.of(builder.build()), List.of(), List.of());
    }

    @Benchmark
    public ExecutionStatus withoutFunctions() {
        return converse(byAi);
    }

    @Benchmark
    public ExecutionStatus withAStubbedFunctionPerDecision() {
        return converse(byFunction);
    }

    @Benchmark
    public ExecutionStatus withOneJavaScriptFunction() {
        return converse(byJavaScript);
    }

    private static ExecutionStatus converse(Simulator simulator) {
        Execution execution = simulator.startApiCall("rounds", java.util.Map.of("name", "Ana"), null);
        for (int i = 0; i < ROUNDS; i++) {
            simulator.userMessage(execution, "on");
        }
        if (execution.status() != ExecutionStatus.ENDED) {
            throw new IllegalStateException(
                    "the conversation must end: " + execution.failure().orElse(""));
        }
        return execution.status();
    }
}
