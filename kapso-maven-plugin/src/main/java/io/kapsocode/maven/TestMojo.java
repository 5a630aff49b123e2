package io.kapsocode.maven;

import io.kapsocode.client.KapsoApi;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.model.Project;
import io.kapsocode.simulator.ConversationRuntime;
import io.kapsocode.simulator.Coverage;
import io.kapsocode.simulator.LiveRuntime;
import io.kapsocode.simulator.ScenarioSuite;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the YAML conversation scenarios (<code>src/test/kapso/WORKFLOW/NAME.yaml</code>) against the
 * workflows, offline, with the simulator; writes surefire-style reports (so CI shows them like other
 * tests) and the coverage of the workflows: which nodes and decide branches no scenario reached, in the
 * log, in {@code target/kapso/coverage.md} and {@code coverage.json}.
 *
 * <p>With {@code kapso.test.target=remote} the scenarios started by the API are replayed on the Kapso
 * project through its executions API instead (a smoke test after an apply; the others are reported as
 * skipped): the project's own functions and models answer, and every execution messages the
 * participant's real phone number.
 */
@Mojo(
        name = "test",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class TestMojo extends AbstractRemoteMojo {

    /** Where the scenarios are: one folder per workflow, named by its slug. */
    @Parameter(property = "kapso.test.scenarioDirectory", defaultValue = "${project.basedir}/src/test/kapso")
    private File scenarioDirectory;

    /** Where the surefire-style reports go. */
    @Parameter(property = "kapso.test.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /**
     * The least coverage (nodes and decide branches reached, in percent) every workflow with scenarios must
     * have; below it the build fails. 0 checks nothing.
     */
    @Parameter(property = "kapso.test.minCoverage", defaultValue = "0")
    private double minCoverage;

    /** Skips this goal, as {@code -DskipTests} does. */
    @Parameter(property = "kapso.test.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * Where the scenarios run: {@code offline} (the simulator, in the build) or {@code remote} (the Kapso
     * project of {@code kapso.url}, or the built-in emulator with {@code kapso.emulator}: only scenarios
     * started by the API, without {@code after} steps).
     */
    @Parameter(property = "kapso.test.target", defaultValue = "offline")
    private String target;

    /**
     * The participant of remote executions whose scenario names none ({@code start: {api: {phone_number}}}).
     * Kapso messages this number for real: use a test phone.
     */
    @Parameter(property = "kapso.test.phoneNumber")
    private String phoneNumber;

    /** How long, in seconds, a remote execution may run before its scenario fails. */
    @Parameter(property = "kapso.test.timeout", defaultValue = "60")
    private int timeoutSeconds;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("Skipping kapso:test (" + (skip ? "kapso.test.skip" : "skipTests") + ")");
            return;
        }
        if (!scenarioDirectory.isDirectory()) {
            getLog().info("No Kapso scenarios in " + scenarioDirectory + "; nothing to run");
            return;
        }
        String where = target == null ? "offline" : target.strip();
        if (!where.equals("offline") && !where.equals("remote")) {
            throw new MojoFailureException("kapso.test.target is '" + target + "'; use offline or remote");
        }
        if (where.equals("remote") && apiKind() == io.kapsocode.client.ApiKind.LEGACY) {
            // its start answers with a tracking id only, so an execution cannot be followed to its end
            throw new MojoFailureException("kapso.test.target=remote needs the Platform API: the legacy flows API"
                    + " does not say which execution a start created; run the scenarios offline (the default)");
        }
        if (where.equals("remote")) {
            runRecordingResult("test", result -> {
                checkProperties();
                ScenarioSuite suite = run(loadValidProject(), live(client()));
                result.outcome = suite.failures() > 0 ? "failed" : "passed";
                result.message = summary(suite);
                result.details.put("run", suite.results().size() - suite.skipped());
                result.details.put("failed", suite.failures());
                result.details.put("skipped", suite.skipped());
                report(suite, "kapso-live");
                failOnFailures(suite);
            });
            return;
        }
        ScenarioSuite suite = run(loadValidProject(), null);
        report(suite, "kapso");
        coverage(suite.coverage());
        failOnFailures(suite);
        checkCoverage(suite);
    }

    /** Runs the scenarios on {@code live}, or offline when it is {@code null}. */
    private ScenarioSuite run(Project sources, ConversationRuntime live) throws MojoFailureException {
        Diagnostics diagnostics = new Diagnostics();
        ScenarioSuite suite = ScenarioSuite.run(
                sources, scenarioDirectory.toPath(), project.getBasedir().toPath(), diagnostics, live);
        for (Diagnostic diagnostic : diagnostics.sorted()) {
            if (diagnostic.isError()) {
                getLog().error(diagnostic.format());
            } else {
                getLog().warn(diagnostic.format());
            }
        }
        if (diagnostics.hasErrors()) {
            throw new MojoFailureException("Kapso scenarios are invalid; see the lines above. Nothing was run");
        }
        return suite;
    }

    /** Logs each result and writes the reports. */
    private void report(ScenarioSuite suite, String reportPrefix) throws MojoExecutionException {
        for (ScenarioSuite.Result result : suite.results()) {
            if (result.skipped() != null) {
                getLog().info("  skipped: " + result.file() + " (" + result.skipped() + ")");
            } else if (result.passed()) {
                getLog().info("  passed: " + result.file() + " (" + result.name() + ", " + result.millis() + " ms)");
            } else {
                getLog().error("  FAILED: " + result.file() + " (" + result.name() + ")\n" + result.failure());
            }
            result.notes().forEach(note -> getLog().warn("    " + result.file() + ": " + note));
        }
        write(suite, reportPrefix);
    }

    private void failOnFailures(ScenarioSuite suite) throws MojoFailureException {
        if (suite.failures() > 0) {
            throw new MojoFailureException(summary(suite) + "; see the transcripts above");
        }
        getLog().info(summary(suite));
    }

    private static String summary(ScenarioSuite suite) {
        return "Kapso scenarios: " + (suite.results().size() - suite.skipped()) + " run, " + suite.failures()
                + " failed" + (suite.skipped() > 0 ? ", " + suite.skipped() + " skipped" : "");
    }

    /** The executions API of the project this goal talks to, with its workflows' ids. */
    private ConversationRuntime live(KapsoApi client) {
        Map<String, String> ids = new java.util.HashMap<>();
        client.listWorkflows()
                .forEach(w -> ids.put(w.path("slug").asText(), w.path("id").asText()));
        return new LiveRuntime(
                new ClientExecutions(client), ids, phoneNumber, Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    }

    private void write(ScenarioSuite suite, String reportPrefix) throws MojoExecutionException {
        try {
            Files.createDirectories(reportsDirectory.toPath());
            for (Map.Entry<String, String> report :
                    suite.junitReports(reportPrefix).entrySet()) {
                Files.writeString(
                        reportsDirectory.toPath().resolve(report.getKey()), report.getValue(), StandardCharsets.UTF_8);
            }
            if (!reportPrefix.equals("kapso")) {
                return; // a live run reaches what Kapso shows: its coverage is no measure of the scenarios
            }
            Path directory = reportDirectory.toPath();
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve("coverage.md"),
                    "# Kapso scenario coverage\n\n" + suite.coverage().markdown(),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve("coverage.json"),
                    CanonicalJson.write(suite.coverage().json()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the scenario reports: " + e.getMessage(), e);
        }
    }

    private void coverage(Coverage coverage) {
        getLog().info("Kapso scenario coverage (nodes and decide branches reached):");
        for (Coverage.WorkflowCoverage w : coverage.workflows()) {
            getLog().info(String.format(
                    Locale.ROOT,
                    w.slug().startsWith("flow:")
                            ? "  %-28s %3.0f%%  screens %d/%d, taps %d/%d%s"
                            : "  %-28s %3.0f%%  nodes %d/%d, branches %d/%d%s",
                    w.slug(),
                    w.percent(),
                    w.reachedNodes(),
                    w.nodes(),
                    w.takenBranches(),
                    w.branches(),
                    w.unreached().isEmpty() ? "" : "; not reached: " + String.join(", ", w.unreached())));
        }
    }

    private void checkCoverage(ScenarioSuite suite) throws MojoFailureException {
        if (minCoverage <= 0) {
            return;
        }
        java.util.Set<String> tested = new java.util.TreeSet<>();
        suite.results().forEach(r -> tested.add(r.workflow()));
        java.util.List<String> below = suite.coverage().workflows().stream()
                .filter(w -> tested.contains(w.slug()) && w.percent() < minCoverage)
                .map(w -> String.format(Locale.ROOT, "%s (%.0f%%)", w.slug(), w.percent()))
                .toList();
        if (!below.isEmpty()) {
            throw new MojoFailureException("Kapso scenario coverage is below kapso.test.minCoverage=" + minCoverage
                    + "% for " + String.join(", ", below) + "; add scenarios for what the table above lists as"
                    + " not reached");
        }
    }
}
