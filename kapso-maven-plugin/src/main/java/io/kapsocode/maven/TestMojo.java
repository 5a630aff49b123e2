package io.kapsocode.maven;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.model.Project;
import io.kapsocode.simulator.Coverage;
import io.kapsocode.simulator.ScenarioSuite;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
@Mojo(
        name = "test",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class TestMojo extends AbstractKapsoMojo {

    /** Where the scenarios are: one folder per workflow, named by its slug. */
    @Parameter(property = "kapso.test.scenarioDirectory", defaultValue = "${project.basedir}/src/test/kapso")
    private File scenarioDirectory;

    /** Where the surefire-style reports go. */
    @Parameter(property = "kapso.test.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /** Where {@code coverage.md} and {@code coverage.json} go. */
    @Parameter(property = "kapso.reportDirectory", defaultValue = "${project.build.directory}/kapso")
    private File reportDirectory;

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
        Project sources = loadValidProject();
        Diagnostics diagnostics = new Diagnostics();
        ScenarioSuite suite = ScenarioSuite.run(
                sources, scenarioDirectory.toPath(), project.getBasedir().toPath(), diagnostics);
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
        for (ScenarioSuite.Result result : suite.results()) {
            if (result.passed()) {
                getLog().info("  passed: " + result.file() + " (" + result.name() + ", " + result.millis() + " ms)");
            } else {
                getLog().error("  FAILED: " + result.file() + " (" + result.name() + ")\n" + result.failure());
            }
        }
        write(suite);
        coverage(suite.coverage());
        long failed = suite.failures();
        String summary = "Kapso scenarios: " + suite.results().size() + " run, " + failed + " failed";
        if (failed > 0) {
            throw new MojoFailureException(summary + "; see the transcripts above");
        }
        getLog().info(summary);
        checkCoverage(suite);
    }

    private void write(ScenarioSuite suite) throws MojoExecutionException {
        try {
            Files.createDirectories(reportsDirectory.toPath());
            for (Map.Entry<String, String> report : suite.junitReports().entrySet()) {
                Files.writeString(
                        reportsDirectory.toPath().resolve(report.getKey()), report.getValue(), StandardCharsets.UTF_8);
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
                    "  %-28s %3.0f%%  nodes %d/%d, branches %d/%d%s",
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
