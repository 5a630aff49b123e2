package io.kapsocode.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks every workflow, function and WhatsApp Flow offline and prints each mistake as a
 * compiler-style line; fails the build on errors. Bound to {@code process-classes} by default, the
 * first phase at which workflows written in Java are compiled and can be checked with the rest.
 */
@Mojo(
        name = "validate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class ValidateMojo extends AbstractKapsoMojo {

    /** Skips this goal. */
    @Parameter(property = "kapso.validate.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping kapso:validate (kapso.validate.skip)");
            return;
        }
        loadValidProject();
    }
}
