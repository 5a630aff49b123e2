package io.kapsocode.maven;

import io.kapsocode.model.Project;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.Plan;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the sources with the Kapso project and prints what {@code kapso:apply} would change,
 * resource by resource and field by field; writes {@code target/kapso/plan.json} (to apply exactly
 * later), {@code plan.md} (for a pull-request comment) and {@code plan-result.json}. Never writes to
 * Kapso.
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PlanMojo extends AbstractRemoteMojo {

    /** Fails the build when the plan has changes: for a CI check that the project is in sync. */
    @Parameter(property = "kapso.failOnChanges", defaultValue = "false")
    private boolean failOnChanges;

    /** Skips this goal. */
    @Parameter(property = "kapso.plan.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping kapso:plan (kapso.plan.skip)");
            return;
        }
        runRecordingResult("plan", result -> {
            checkProperties();
            Project sources = loadValidProject();
            Plan plan = plan(sources, client()).plan();
            report(plan, sources);
            result.outcome = plan.hasChanges() ? "changes" : "no_changes";
            result.message = plan.summary();
            for (Action action : Action.values()) {
                result.details.put(action.name().toLowerCase(Locale.ROOT), plan.count(action));
            }
            if (plan.hasChanges() && failOnChanges) {
                result.outcome = "failed";
                throw new MojoFailureException(plan.summary() + " The Kapso project is not in sync with the"
                        + " sources (kapso.failOnChanges); run kapso:apply, or review the plan above");
            }
        });
    }
}
