package io.kapsocode.maven;

import io.kapsocode.cli.RemoteMap;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.plan.References;
import io.kapsocode.pull.IdRewriter;
import io.kapsocode.remote.RemoteReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the Kapso ids in the workflow sources ({@code function_id}, {@code workflow_id},
 * {@code provider_model_id}) to the portable names (slugs, model names), in place: only those keys
 * change, comments and layout stay. Names come from {@code .kapso/remote-map.json} in the sources, when
 * the Kapso CLI left one, and from the Kapso project's lists (three GET requests). An id neither knows is
 * left as it is and listed. Running it again changes nothing.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class MigrateMojo extends AbstractRemoteMojo {

    /** Lists what would change; writes nothing. */
    @Parameter(property = "kapso.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips this goal. */
    @Parameter(property = "kapso.migrate.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping kapso:migrate (kapso.migrate.skip)");
            return;
        }
        checkProperties();
        List<Path> files = workflowFiles();
        References refs;
        try {
            refs = References.of(new RemoteReader(client(), concurrency)
                    .read(new RemoteReader.Needs(Set.of(), Set.of(), Set.of(), Set.of(), false, true)));
        } catch (KapsoApiException e) {
            throw remoteFailure(e);
        } finally {
            saveEmulatorState();
        }
        RemoteMap remoteMap;
        try {
            remoteMap = RemoteMap.read(
                    sourceDirectory.toPath(), project.getBasedir().toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + RemoteMap.FILE + ": " + e.getMessage(), e);
        }
        int rewritten = 0;
        int changedFiles = 0;
        Path base = project.getBasedir().toPath();
        for (Path file : files) {
            String text = read(file);
            IdRewriter.Result result = IdRewriter.rewrite(
                    text, file.getFileName().toString().endsWith(".json"), (key, id) -> name(key, id, refs, remoteMap));
            String shown = base.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
            result.unmapped()
                    .forEach(id -> getLog().warn(shown + ": " + id + " is in neither the Kapso project nor"
                            + " .kapso/remote-map.json; left as it is"));
            if (result.changed()) {
                getLog().info("  ~ " + shown + ": " + count(result.rewritten(), "reference") + " by name");
                rewritten += result.rewritten();
                changedFiles++;
                if (!dryRun) {
                    write(file, result.text());
                }
            }
        }
        getLog().info("Migrate: " + count(rewritten, "id reference") + " in " + count(changedFiles, "file")
                + (rewritten == 0 ? ": the sources already name everything portably" : " by name")
                + (dryRun ? " (dry run: nothing written)" : ""));
    }

    private static Optional<String> name(String key, String id, References refs, RemoteMap remoteMap) {
        return switch (key) {
            case "function_id" -> remoteMap.slug("functions", id).or(() -> refs.functionSlug(id));
            case "workflow_id" -> remoteMap.slug("workflows", id).or(() -> refs.workflowSlug(id));
            default -> refs.modelName(id);
        };
    }

    /** This tool's YAML workflows and the Kapso CLI's definition files. */
    private List<Path> workflowFiles() throws MojoExecutionException {
        Path workflows = sourceDirectory.toPath().resolve("workflows");
        if (!Files.isDirectory(workflows)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(workflows)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".json") || (name.matches(".*\\.ya?ml") && !name.equals("workflow.yaml"));
                    })
                    .sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + workflows + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws MojoExecutionException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws MojoExecutionException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
