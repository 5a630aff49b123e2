package io.kapsocode.maven;

import io.kapsocode.testkit.KapsoEmulatorMain;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the local Kapso emulator in the foreground until Ctrl-C, for people and for other tools (the
 * Kapso CLI, scripts, a front end under development): it prints its API root, then one line per
 * request. It accepts the key in the {@code KAPSO_API_KEY} environment variable. With
 * {@code kapso.emulatorState} the project outlives it.
 */
@Mojo(name = "emulator", requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractMojo {

    /** The loopback port to listen on; 0 takes a free one (printed). */
    @Parameter(property = "kapso.emulatorPort", defaultValue = "0")
    private int port;

    /**
     * Fills the emulator, when it starts, with the project in this folder (the Kapso CLI layout, or this
     * tool's YAML) as if Kapso held it.
     */
    @Parameter(property = "kapso.emulatorSeed")
    private File emulatorSeed;

    /**
     * Reads the emulator's project from this file when it exists (then {@code kapso.emulatorSeed} is not
     * applied again), and writes it there when the emulator stops. Function secrets are kept by name only.
     */
    @Parameter(property = "kapso.emulatorState")
    private File emulatorState;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String key = System.getenv(AbstractRemoteMojo.ENV_API_KEY);
        if (key == null || key.isBlank()) {
            throw new MojoFailureException("set " + AbstractRemoteMojo.ENV_API_KEY + " to the key the emulator"
                    + " should accept, such as KAPSO_API_KEY=kp_local mvn kapso:emulator");
        }
        if (port < 0 || port > 65_535) {
            throw new MojoFailureException("kapso.emulatorPort takes a number from 0 to 65535, not " + port);
        }
        try {
            // its lines go to standard output as they are: a Maven log line per request would be noise
            KapsoEmulatorMain.serve(
                    key.strip(),
                    port,
                    Optional.ofNullable(emulatorSeed).map(File::toPath),
                    Optional.ofNullable(emulatorState).map(File::toPath),
                    System.out);
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("cannot run the Kapso emulator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
