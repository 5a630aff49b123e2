package io.kapsocode.simulator;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every YAML scenario under a folder ({@code <workflow>/<name>.yaml}), read, run and reported: what
 * passed, what failed with its transcript, and the coverage of all of them together.
 *
 * @param results one per scenario that could be read, in file order
 * @param coverage what all scenarios reached together
 */
public record ScenarioSuite(List<Result> results, Coverage coverage) {

    /**
     * @param workflow the workflow the scenario talks to
     * @param name what it checks
     * @param file the file, as messages name it
     * @param failure why it failed, with the conversation so far; {@code null} when it passed
     * @param millis how long it ran
     * @param skipped why it was not run, or {@code null}
     * @param notes expectations the runtime could not check
     */
    public record Result(
            String workflow,
            String name,
            String file,
            String failure,
            long millis,
            String skipped,
            List<String> notes) {

        public boolean passed() {
            return failure == null;
        }
    }

    /**
     * Reads every scenario first, reporting every mistake to {@code diagnostics}; runs them only when all
     * could be read.
     *
     * @param displayBase file names in messages are relative to it
     */
    public static ScenarioSuite run(Project project, Path folder, Path displayBase, Diagnostics diagnostics) {
        return run(project, folder, displayBase, diagnostics, null);
    }

    /**
     * As {@link #run(Project, Path, Path, Diagnostics)}, on a live project's runtime when {@code live} is
     * given: scenarios that cannot be played there are skipped, saying why.
     */
    public static ScenarioSuite run(
            Project project, Path folder, Path displayBase, Diagnostics diagnostics, ConversationRuntime live) {
        List<ScenarioFile> scenarios = new ArrayList<>();
        for (Path file : files(folder)) {
            ScenarioFile.read(shown(displayBase, file), read(file), project, diagnostics)
                    .ifPresent(scenarios::add);
        }
        List<FlowScenarioFile> flowScenarios = new ArrayList<>();
        for (Path file : files(folder.resolve("flows"))) {
            FlowScenarioFile.read(shown(displayBase, file), read(file), project, diagnostics)
                    .ifPresent(flowScenarios::add);
        }
        List<Result> results = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        Set<String> taken = new LinkedHashSet<>();
        if (diagnostics.hasErrors()) {
            return new ScenarioSuite(List.of(), Coverage.of(project, visited, taken));
        }
        for (ScenarioFile scenario : scenarios) {
            Optional<String> notLive = live == null ? Optional.empty() : scenario.notLive();
            if (notLive.isPresent()) {
                results.add(new Result(
                        scenario.workflow(), scenario.name(), scenario.file(), null, 0, notLive.get(), List.of()));
                continue;
            }
            long start = System.nanoTime();
            Conversation conversation = Conversation.of(project, scenario.workflow());
            if (live != null) {
                conversation.on(live);
            }
            String failure = null;
            try {
                scenario.play(conversation);
                conversation.execution(); // runs what the last step left pending
            } catch (AssertionError | RuntimeException e) {
                failure = e instanceof AssertionError || e instanceof IllegalStateException
                        ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            try {
                Execution execution = conversation.execution();
                visited.addAll(execution.visitedNodes());
                taken.addAll(execution.takenBranches());
            } catch (RuntimeException | AssertionError e) {
                // a scenario that failed before it started has no execution to count
            }
            results.add(new Result(
                    scenario.workflow(),
                    scenario.name(),
                    scenario.file(),
                    failure,
                    (System.nanoTime() - start) / 1_000_000,
                    null,
                    conversation.notes()));
        }
        Map<String, Set<String>> screens = new TreeMap<>();
        Map<String, Set<String>> taps = new TreeMap<>();
        for (FlowScenarioFile flow : flowScenarios) {
            if (live != null) {
                results.add(new Result(
                        "flow:" + flow.flow(),
                        flow.name(),
                        flow.file(),
                        null,
                        0,
                        "a flow scenario walks the Flow JSON offline; a live project cannot be tapped through",
                        List.of()));
                continue;
            }
            long start = System.nanoTime();
            String failure = null;
            FlowRun run = null;
            try {
                run = flow.play(project);
            } catch (AssertionError | RuntimeException e) {
                failure = e.getMessage();
            }
            if (run != null) {
                screens.computeIfAbsent(flow.flow(), k -> new LinkedHashSet<>()).addAll(run.visitedScreens());
                taps.computeIfAbsent(flow.flow(), k -> new LinkedHashSet<>()).addAll(run.takenActions());
            } else {
                screens.computeIfAbsent(flow.flow(), k -> new LinkedHashSet<>());
            }
            results.add(new Result(
                    "flow:" + flow.flow(),
                    flow.name(),
                    flow.file(),
                    failure,
                    (System.nanoTime() - start) / 1_000_000,
                    null,
                    List.of()));
        }
        return new ScenarioSuite(
                List.copyOf(results), Coverage.of(project, visited, taken).withFlows(project, screens, taps));
    }

    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public long skipped() {
        return results.stream().filter(r -> r.skipped() != null).count();
    }

    /** One surefire-style report per workflow, by file name ({@code TEST-kapso.order-status.xml}). */
    public Map<String, String> junitReports() {
        return junitReports("kapso");
    }

    /** As {@link #junitReports()}, with suites named {@code <prefix>.<workflow>}. */
    public Map<String, String> junitReports(String prefix) {
        Map<String, List<Result>> byWorkflow = new TreeMap<>();
        results.forEach(r ->
                byWorkflow.computeIfAbsent(r.workflow(), k -> new ArrayList<>()).add(r));
        Map<String, String> reports = new TreeMap<>();
        byWorkflow.forEach((workflow, list) -> {
            String suite = prefix + "." + workflow;
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            long failed = list.stream().filter(r -> !r.passed()).count();
            long skipped = list.stream().filter(r -> r.skipped() != null).count();
            double seconds = list.stream().mapToLong(Result::millis).sum() / 1000.0;
            xml.append("<testsuite name=\"")
                    .append(xml(suite))
                    .append("\" tests=\"")
                    .append(list.size())
                    .append("\" failures=\"")
                    .append(failed)
                    .append("\" errors=\"0\" skipped=\"")
                    .append(skipped)
                    .append("\" time=\"")
                    .append(seconds)
                    .append("\">\n");
            for (Result r : list) {
                xml.append("  <testcase name=\"")
                        .append(xml(r.name()))
                        .append("\" classname=\"")
                        .append(xml(suite))
                        .append("\" time=\"")
                        .append(r.millis() / 1000.0)
                        .append("\"");
                if (r.skipped() != null) {
                    xml.append(">\n    <skipped message=\"")
                            .append(xml(r.skipped()))
                            .append("\"/>\n  </testcase>\n");
                } else if (r.passed()) {
                    xml.append("/>\n");
                } else {
                    String firstLine = r.failure().lines().findFirst().orElse("");
                    xml.append(">\n    <failure message=\"")
                            .append(xml(firstLine))
                            .append("\" type=\"kapso.scenario\">")
                            .append(xml(r.file() + "\n" + r.failure()))
                            .append("</failure>\n  </testcase>\n");
                }
            }
            xml.append("</testsuite>\n");
            // a flow's suite is kapso.flow:<name>; a file name takes no ':'
            reports.put("TEST-" + suite.replace(':', '-') + ".xml", xml.toString());
        });
        return reports;
    }

    private static String xml(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == '\n' || c == '\t' || c == '\r' || c >= 0x20) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file as messages name it: relative to {@code base}, with forward slashes. */
    private static String shown(Path base, Path file) {
        return base.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
