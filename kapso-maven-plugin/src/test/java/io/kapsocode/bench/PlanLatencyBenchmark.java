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
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.Exchange;
import io.kapsocode.testkit.KapsoEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
            double[] seconds = new double[runs];
            int requests = 0;
            long definitionReads = 0;
            for (int run = 0; run < runs; run++) {
                int before = emulator.exchanges().size();
                long start = System.nanoTime();
                Plan plan =
                        Planner.plan(project, reader.read(Planner.needs(project)), Planner.Options.defaults("bench"));
                seconds[run] = (System.nanoTime() - start) / 1e9;
                if (plan.hasChanges()) {
                    throw new IllegalStateException("the seeded project should plan no change: " + plan.summary());
                }
                List<Exchange> served = emulator.exchanges()
                        .subList(before, emulator.exchanges().size());
                requests = served.size();
                definitionReads = served.stream()
                        .filter(e -> e.path().endsWith("/definition"))
                        .count();
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            double ideal = requests / (double) concurrency * latencyMs / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "plan of %d workflows, %d ms per request, concurrency %d: %d requests (%d definition reads);"
                            + " ideal %.2f s, median of %d runs %.2f s (min %.2f, max %.2f), ratio %.2f%n",
                    workflows,
                    latencyMs,
                    concurrency,
                    requests,
                    definitionReads,
                    ideal,
                    runs,
                    median,
                    seconds[0],
                    seconds[runs - 1],
                    median / ideal);
        }
    }

    static Project project(int count) {
        List<Workflow> workflows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workflows.add(Kapso.workflow("flow-" + i)
                    .name("Flow " + i)
                    .status(WorkflowStatus.ACTIVE)
                    .onApiCall()
                    .start()
                    .sendText("greet", "Hello from flow " + i)
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
