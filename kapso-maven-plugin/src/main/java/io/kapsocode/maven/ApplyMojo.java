package io.kapsocode.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.apply.Applier;
import io.kapsocode.apply.ApplyReport;
import io.kapsocode.apply.StepResult;
import io.kapsocode.apply.StepResult.Outcome;
import io.kapsocode.client.KapsoApi;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.plan.AppliedState;
import io.kapsocode.plan.InFlightChange;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.SavedPlanCheck;
import io.kapsocode.report.PlanJson;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the sources to the Kapso project: plans as {@code kapso:plan} does, then writes functions
 * (saved, deployed, awaited), WhatsApp flows, workflows callees first, trigger sets, and status
 * changes last. With {@code kapso.planFile} it applies that saved plan exactly, or refuses when Kapso or
 * the sources moved since. A failure stops it; the report says what was and was not applied.
 */
@Mojo(name = "apply", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ApplyMojo extends AbstractRemoteMojo {

    /** A plan saved by {@code kapso:plan} ({@code target/kapso/plan.json}) to apply exactly. */
    @Parameter(property = "kapso.planFile")
    private File planFile;

    /**
     * Applies without a saved plan and without asking. Otherwise apply asks for a typed {@code yes} at a
     * terminal, and in batch mode (CI) needs either this or {@code kapso.planFile}, so that nothing is
     * applied that nobody reviewed.
     */
    @Parameter(property = "kapso.autoApprove", defaultValue = "false")
    private boolean autoApprove;

    /** How long a function deploy may take before apply stops waiting. */
    @Parameter(property = "kapso.deployTimeoutSeconds", defaultValue = "180")
    private int deployTimeoutSeconds;

    /** Skips this goal. */
    @Parameter(property = "kapso.apply.skip", defaultValue = "false")
    private boolean skip;

    /**
     * What apply does when conversations wait at a node the change removes or retypes (they would have
     * nowhere to resume): {@code refuse} (nothing is applied; the default), {@code warn} (applies, with a
     * warning per node) or {@code allow} (applies, saying so once). Conversations at rewired nodes and at
     * call nodes whose callee changes are reported, never refused.
     */
    @Parameter(property = "kapso.inFlight", defaultValue = "refuse")
    private String inFlight;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping kapso:apply (kapso.apply.skip)");
            return;
        }
        runRecordingResult("apply", result -> {
            checkProperties();
            Plan saved = savedPlan();
            boolean ask = saved == null && !autoApprove;
            if (ask && !canAsk()) {
                throw new MojoFailureException("kapso:apply needs a reviewed plan: pass -Dkapso.planFile="
                        + "target/kapso/plan.json (written by kapso:plan), or -Dkapso.autoApprove=true to apply"
                        + " whatever the sources say");
            }
            Project sources = loadValidProject();
            KapsoApi client = client();
            Planned planned = plan(sources, client);
            if (saved != null) {
                List<String> problems = SavedPlanCheck.problems(saved, planned.plan());
                if (!problems.isEmpty()) {
                    problems.forEach(problem -> getLog().error(problem));
                    result.outcome = "failed";
                    throw new MojoFailureException("the saved plan " + planFile + " is stale ("
                            + count(problems.size(), "problem") + " above); nothing was applied. Run kapso:plan"
                            + " again and review it");
                }
            }
            report(planned.plan(), sources);
            guardInFlight(saved, planned.plan(), result);
            if (!planned.plan().hasChanges()) {
                result.outcome = "no_changes";
                result.message = planned.plan().summary();
                recordApplied(planned.plan(), sources);
                return;
            }
            if (ask && !confirmed()) {
                result.outcome = "failed";
                throw new MojoFailureException("not applied: the plan above was not confirmed");
            }
            Applier applier = new Applier(
                    client,
                    new Applier.Options(
                            // the emulator deploys in a few reads, Kapso in 10 to 60 s
                            Duration.ofMillis(emulator ? 20 : 2_000), Duration.ofSeconds(deployTimeoutSeconds)),
                    this::progress);
            ApplyReport report = applier.apply(sources, planned.remote(), planned.plan());
            result.details.set("steps", steps(report));
            result.message = report.summary();
            if (!report.succeeded()) {
                result.outcome = "failed";
                report.steps().stream()
                        .filter(s -> s.outcome() == Outcome.NOT_APPLIED)
                        .forEach(s -> getLog().warn("  not applied: " + s.step()));
                throw new MojoFailureException(report.summary());
            }
            result.outcome = "applied";
            recordApplied(planned.plan(), sources);
            getLog().info(report.summary());
        });
    }

    /**
     * Refuses (or warns about) a change under conversations that wait where it removes or retypes a
     * node, by {@code kapso.inFlight}; with a saved plan, says where more conversations wait than it saw.
     */
    private void guardInFlight(Plan saved, Plan fresh, GoalResult result) throws MojoFailureException {
        String mode = inFlight == null ? "refuse" : inFlight.strip();
        if (!List.of("refuse", "warn", "allow").contains(mode)) {
            throw new MojoFailureException("kapso.inFlight is '" + inFlight + "'; use refuse, warn or allow");
        }
        if (saved != null) {
            InFlightChange.increases(saved, fresh).forEach(getLog()::warn);
        }
        List<String> stranded = new java.util.ArrayList<>();
        fresh.inFlight()
                .forEach((workflow, seen) -> seen.refusable()
                        .forEach(a -> stranded.add("workflow '" + workflow + "': " + a.describe(workflow))));
        if (stranded.isEmpty()) {
            return;
        }
        switch (mode) {
            case "allow" ->
                getLog().info("Applying although conversations wait where the change removes or retypes a node"
                        + " (kapso.inFlight=allow): " + String.join("; ", stranded));
            case "warn" -> stranded.forEach(line -> getLog().warn(line));
            default -> {
                stranded.forEach(line -> getLog().error(line));
                result.outcome = "failed";
                throw new MojoFailureException("not applied: conversations wait at nodes this change removes or"
                        + " retypes (above), and would have nowhere to resume. Wait for them to finish, keep those"
                        + " nodes, or apply anyway with -Dkapso.inFlight=allow");
            }
        }
    }

    /** A person at a terminal can confirm the plan; batch mode (CI) cannot. */
    private boolean canAsk() {
        boolean interactive = session.getRequest().isInteractiveMode();
        boolean terminal = System.console() != null;
        getLog().debug("kapso:apply can ask: interactive mode " + interactive + ", terminal " + terminal);
        return interactive && terminal;
    }

    private boolean confirmed() {
        String answer = System.console().readLine("Apply these changes to %s? Only 'yes' applies: ", target());
        return answer != null && answer.strip().equals("yes");
    }

    private void recordApplied(Plan plan, Project sources) {
        try {
            AppliedState.record(stateFile.toPath(), plan, sources, fromJava);
        } catch (IOException e) {
            getLog().warn("cannot record the applied state in " + stateFile + ": " + e.getMessage()
                    + "; the next plan will not tell which side changed");
        }
    }

    private Plan savedPlan() throws MojoFailureException {
        if (planFile == null) {
            return null;
        }
        try {
            String text = Files.readString(planFile.toPath(), StandardCharsets.UTF_8);
            return PlanJson.read(Json.tryParse(text)
                    .orElseThrow(() -> new IllegalArgumentException("it is not JSON; was it written by kapso:plan?")));
        } catch (IOException e) {
            throw new MojoFailureException("cannot read the plan file " + planFile + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("cannot use the plan file " + planFile + ": " + e.getMessage());
        }
    }

    private void progress(StepResult step) {
        String time = String.format(Locale.ROOT, "%.1f s", step.duration().toMillis() / 1000.0);
        switch (step.outcome()) {
            case APPLIED -> getLog().info("  done: " + step.step() + " (" + time + ")");
            case FAILED -> getLog().error("  FAILED: " + step.step() + " (" + time + "): " + step.message());
            case OUTCOME_UNKNOWN -> getLog().error("  UNKNOWN: " + step.step() + " (" + time + "): " + step.message());
            default -> getLog().warn("  not applied: " + step.step());
        }
    }

    private static ArrayNode steps(ApplyReport report) {
        ArrayNode steps = Json.array();
        for (StepResult step : report.steps()) {
            ObjectNode item = steps.addObject()
                    .put("step", step.step())
                    .put("outcome", step.outcome().name().toLowerCase(Locale.ROOT))
                    .put("millis", step.duration().toMillis());
            if (step.message() != null) {
                item.put("message", step.message());
            }
        }
        return steps;
    }
}
