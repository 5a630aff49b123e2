package io.kapsocode.bench;

import io.kapsocode.apply.Applier;
import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.plan.InFlightReader;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.DefinitionCache;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.Exchange;
import io.kapsocode.testkit.KapsoEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * How close a plan of a large project gets to the ideal {@code requests / concurrency x latency} when
 * every request costs {@code latency}: wall-clock figures of whole plans, so a main method rather than
 * JMH. {@code ./mvnw -B -ntp -pl kapso-maven-plugin -am -Pbench test-compile exec:exec@bench
 * [-Dbench.args="workflows=300 latencyMs=50 concurrency=8 runs=5"]}
 */
public final class PlanLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int workflows = arg(args, "workflows", 300);
        int latencyMs = arg(args, "latencyMs", 50);
        int concurrency = arg(args, "concurrency", 8);
        int runs = arg(args, "runs", 5);
        String key = "kp_bench_key";
        try (KapsoEmulator emulator = KapsoEmulator.start(key)) {
            KapsoClient client = new KapsoClient(
                    ClientSettings.of(emulator.baseUri(), ApiKey.of(key)).withRetry(RetryPolicy.defaults(), d -> {}));
            Project project = project(workflows);
            RemoteReader reader = new RemoteReader(client, concurrency);
            RemoteProject empty = reader.read(Planner.needs(project));
            new Applier(client, Applier.Options.defaults(), r -> {})
                    .apply(project, empty, Planner.plan(project, empty, Planner.Options.defaults("bench")));

            emulator.latency(Duration.ofMillis(latencyMs));
            measure(
                    "a no-op plan",
                    workflows,
                    latencyMs,
                    concurrency,
                    runs,
                    emulator,
                    () -> Planner.plan(
                            project, reader.read(Planner.needs(project)), Planner.Options.defaults("bench")));

            Path cacheFile = Files.createTempDirectory("kapso-bench").resolve("definitions.json");
            try {
                Supplier<Plan> cachedPlan = () -> {
                    DefinitionCache cache = DefinitionCache.open(cacheFile, "bench", false);
                    RemoteProject remote = new RemoteReader(client, concurrency, cache).read(Planner.needs(project));
                    try {
                        Set<String> ids = new TreeSet<>();
                        remote.workflows().forEach(w -> ids.add(w.path("id").asText()));
                        cache.save(ids);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Planner.plan(project, remote, Planner.Options.defaults("bench"));
                };
                cachedPlan.get(); // fills the cache
                measure(
                        "a no-op plan with the definition cache",
                        workflows,
                        latencyMs,
                        concurrency,
                        runs,
                        emulator,
                        cachedPlan);
            } finally {
                Files.deleteIfExists(cacheFile);
                Files.deleteIfExists(cacheFile.getParent());
            }

            int changed = Math.min(30, workflows);
            Project edited = project(workflows, changed);
            for (int i = 0; i < changed; i++) {
                client.startExecution(
                        io.kapsocode.apply.PlanApplyTest.workflowId(client, "flow-" + i),
                        "flow-" + i,
                        io.kapsocode.json.Json.object().put("phone_number", "+1555000" + i));
            }
            measure(
                    "a plan changing " + changed + " workflows, with their conversations in flight",
                    workflows,
                    latencyMs,
                    concurrency,
                    runs,
                    emulator,
                    () -> {
                        RemoteProject remote = reader.read(Planner.needs(edited));
                        return InFlightReader.read(
                                Planner.plan(edited, remote, Planner.Options.defaults("bench")),
                                edited,
                                remote,
                                client,
                                concurrency);
                    });
        }
    }

    /** Runs a plan {@code runs} times; prints its requests and the median time against the ideal. */
    private static void measure(
            String what,
            int workflows,
            int latencyMs,
            int concurrency,
            int runs,
            KapsoEmulator emulator,
            Supplier<Plan> plan) {
        double[] seconds = new double[runs];
        int requests = 0;
        long definitionReads = 0;
        long executionReads = 0;
        for (int run = 0; run < runs; run++) {
            int before = emulator.exchanges().size();
            long start = System.nanoTime();
            plan.get();
            seconds[run] = (System.nanoTime() - start) / 1e9;
            List<Exchange> served =
                    emulator.exchanges().subList(before, emulator.exchanges().size());
            requests = served.size();
            definitionReads = served.stream()
                    .filter(e -> e.path().endsWith("/definition"))
                    .count();
            executionReads = served.stream()
                    .filter(e -> e.path().endsWith("/executions"))
                    .count();
        }
        Arrays.sort(seconds);
        double median = seconds[runs / 2];
        double ideal = requests / (double) concurrency * latencyMs / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "%s (%d workflows, %d ms per request, concurrency %d): %d requests (%d definition reads, %d"
                        + " execution lists); ideal %.2f s, median of %d runs %.2f s (min %.2f, max %.2f), ratio"
                        + " %.2f%n",
                what,
                workflows,
                latencyMs,
                concurrency,
                requests,
                definitionReads,
                executionReads,
                ideal,
                runs,
                median,
                seconds[0],
                seconds[runs - 1],
                median / ideal);
    }

    static Project project(int count) {
        return project(count, 0);
    }

    /** {@code count} workflows, the first {@code edited} of them with another greeting than applied. */
    static Project project(int count, int edited) {
        List<Workflow> workflows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workflows.add(Kapso.workflow("flow-" + i)
                    .name("Flow " + i)
                    .status(WorkflowStatus.ACTIVE)
                    .onApiCall()
                    .start()
                    .sendText("greet", (i < edited ? "Hi from flow " : "Hello from flow ") + i)
                    .waitForResponse("ask", w -> w.timeoutSeconds(600).saveResponseTo("answer"))
                    .decide(
                            "route",
                            d -> d.ai("gpt-5-mini")
                                    .when("yes")
                                    .goTo("thanks")
                                    .when("no")
                                    .goTo("bye"))
                    .sendText("thanks", "Thanks!")
                    .end()
                    .sendText("bye", "Bye!")
                    .build());
        }
        return new Project(workflows, List.of(), List.of());
    }

    private static int arg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
