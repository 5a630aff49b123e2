package io.kapsocode.maven;

import io.kapsocode.client.KapsoApiException;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.pull.FileSync;
import io.kapsocode.pull.FileSync.Change;
import io.kapsocode.pull.FileSync.FileChange;
import io.kapsocode.pull.PulledFiles;
import io.kapsocode.pull.RemoteSources;
import io.kapsocode.pull.SourceLayout;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Brings the Kapso project into the sources: every workflow (or {@code kapso.only}), function and
 * WhatsApp flow, references by slug and name. A workflow already in the sources keeps its file and
 * layout; new ones are written as {@code kapso.format}. A file that exists with other content is never
 * overwritten without {@code -Dkapso.overwrite=true}; {@code -Dkapso.dryRun=true} only lists what would
 * change.
 */
@Mojo(name = "pull", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PullMojo extends AbstractRemoteMojo {

    /** How new workflows are written: {@code yaml} (this tool's YAML) or {@code cli} (the Kapso CLI layout). */
    @Parameter(property = "kapso.format", defaultValue = "yaml")
    private String format;

    /** Overwrites files whose content differs from what Kapso holds (local edits are lost). */
    @Parameter(property = "kapso.overwrite", defaultValue = "false")
    private boolean overwrite;

    /** Lists what the pull would write, and writes nothing. */
    @Parameter(property = "kapso.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips this goal. */
    @Parameter(property = "kapso.pull.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping kapso:pull (kapso.pull.skip)");
            return;
        }
        checkProperties();
        SourceLayout layout;
        try {
            layout = SourceLayout.parse(format);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Project local = new ProjectLoader(
                        sourceDirectory.toPath(), project.getBasedir().toPath())
                .load(JavaDefinitions.load(classpath(), new Diagnostics()))
                .project();
        KapsoClient client = client();
        RemoteProject remote;
        try {
            remote = new RemoteReader(client, concurrency).read(RemoteReader.Needs.all());
        } catch (KapsoApiException e) {
            throw remoteFailure(e);
        }
        checkSelection(local, remote);
        Set<String> selected = Set.copyOf(selection(only));
        Set<String> excluded = Set.copyOf(selection(exclude));
        Predicate<String> wanted = name -> (selected.isEmpty() || selected.contains(name)) && !excluded.contains(name);
        Diagnostics diagnostics = new Diagnostics();
        Project pulled = RemoteSources.of(remote, wanted, diagnostics);
        for (Diagnostic diagnostic : diagnostics.sorted()) {
            getLog().warn(diagnostic.format());
        }
        PulledFiles files = PulledFiles.of(pulled, local, layout);
        files.notes().forEach(note -> getLog().warn(note));
        Path root = sourceDirectory.toPath();
        try {
            List<FileChange> changes = FileSync.compare(root, files.files());
            for (FileChange change : changes) {
                if (change.change() != Change.UNCHANGED) {
                    getLog().info((change.change() == Change.CREATE ? "  + " : "  ~ ")
                            + change.path()
                            + (change.change() == Change.CREATE ? " (new)" : " (differs from Kapso)"));
                }
            }
            List<String> overwritten = changes.stream()
                    .filter(c -> c.change() == Change.OVERWRITE)
                    .map(FileChange::path)
                    .toList();
            long created =
                    changes.stream().filter(c -> c.change() == Change.CREATE).count();
            String summary = "Pull: " + created + " new, " + overwritten.size() + " to overwrite, "
                    + (changes.size() - created - overwritten.size()) + " unchanged, in " + root;
            if (dryRun) {
                getLog().info(summary + " (dry run: nothing written)");
                return;
            }
            if (!overwritten.isEmpty() && !overwrite) {
                throw new MojoFailureException("kapso:pull would overwrite " + count(overwritten.size(), "file")
                        + " that differ from Kapso: " + String.join(", ", overwritten) + ". Commit or stash your"
                        + " edits and run with -Dkapso.overwrite=true, or pull only other resources with"
                        + " -Dkapso.only=...; nothing was written");
            }
            FileSync.write(root, files.files(), changes);
            getLog().info(summary);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the pulled sources to " + root + ": " + e.getMessage(), e);
        }
    }
}
