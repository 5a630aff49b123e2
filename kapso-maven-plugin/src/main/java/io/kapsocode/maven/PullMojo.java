package io.kapsocode.maven;

import io.kapsocode.client.KapsoApi;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.codegen.JavaSourceWriter;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.pull.FileSync;
import io.kapsocode.pull.FileSync.Change;
import io.kapsocode.pull.FileSync.FileChange;
import io.kapsocode.pull.PulledFiles;
import io.kapsocode.pull.RemoteSources;
import io.kapsocode.pull.SourceLayout;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * How new workflows are written: {@code yaml} (this tool's YAML), {@code cli} (the Kapso CLI layout) or
     * {@code java} (a class of the builder DSL, {@code kapso.javaClass}).
     */
    @Parameter(property = "kapso.format", defaultValue = "yaml")
    private String format;

    /** The class {@code -Dkapso.format=java} writes workflows to, registered as {@code KapsoDefinitions}. */
    @Parameter(property = "kapso.javaClass", defaultValue = "kapso.PulledWorkflows")
    private String javaClass;

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
        checkJavaCompiled();
        Project local = new ProjectLoader(
                        sourceDirectory.toPath(), project.getBasedir().toPath())
                .load(JavaDefinitions.load(classpath(), new Diagnostics()))
                .project();
        sources = local;
        try {
            pull(layout, local);
        } finally {
            saveEmulatorState();
        }
    }

    private void pull(SourceLayout layout, Project local) throws MojoExecutionException, MojoFailureException {
        KapsoApi client = client();
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
        Path base = project.getBasedir().toPath();
        Path javaFile = Path.of(project.getBuild().getSourceDirectory()).resolve(javaClass.replace('.', '/') + ".java");
        PulledFiles files = PulledFiles.of(pulled, local, layout, slugsIn(javaFile));
        files.notes().forEach(note -> getLog().warn(note));
        Standing standing = standing(local, remote);
        Map<String, String> all = new TreeMap<>();
        String sources = base.relativize(sourceDirectory.toPath()) + "/";
        // files of resources that already mean what Kapso holds stay as written, and count as unchanged
        java.util.concurrent.atomic.AtomicInteger keptAsWritten = new java.util.concurrent.atomic.AtomicInteger();
        files.files().forEach((path, text) -> {
            if (standing.same().stream()
                    .anyMatch(slug -> ownedBy(path, slug)
                            && Files.exists(sourceDirectory.toPath().resolve(path)))) {
                keptAsWritten.incrementAndGet();
            } else {
                all.put(sources + path, inPlace(sourceDirectory.toPath().resolve(path), text));
            }
        });
        if (!files.forJava().isEmpty()) {
            all.put(base.relativize(javaFile).toString().replace('\\', '/'), javaSource(files.forJava()));
        }
        try {
            List<FileChange> changes = FileSync.compare(base, all);
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
                    + (changes.size() - created - overwritten.size() + keptAsWritten.get()) + " unchanged";
            if (dryRun) {
                getLog().info(summary + " (dry run: nothing written)");
                return;
            }
            overwritten = overwritten.stream()
                    .filter(path -> standing.adoptable().stream().noneMatch(slug -> ownedBy(path, slug)))
                    .toList();
            if (!overwritten.isEmpty() && !overwrite) {
                throw new MojoFailureException("kapso:pull would overwrite " + count(overwritten.size(), "file")
                        + " that differ from Kapso: " + String.join(", ", overwritten) + ". Commit or stash your"
                        + " edits and run with -Dkapso.overwrite=true, or pull only other resources with"
                        + " -Dkapso.only=...; nothing was written");
            }
            FileSync.write(base, all, changes);
            if (!files.forJava().isEmpty()) {
                register(javaClass);
            }
            getLog().info(summary);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the pulled sources: " + e.getMessage(), e);
        }
    }

    /**
     * A file the author keeps, brought up to date by editing only the values that changed (comments,
     * layout and quoting stay); the file written anew when the change is more than values.
     */
    private static String inPlace(Path file, String wanted) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || !(name.endsWith(".json") || name.matches(".*\\.ya?ml"))) {
            return wanted;
        }
        try {
            String written = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            return io.kapsocode.pull.InPlaceEdit.apply(written, wanted, name.endsWith(".json"))
                    .orElse(wanted);
        } catch (IOException e) {
            return wanted;
        }
    }

    /**
     * What the sources already say, compared with Kapso: slugs that mean the same (their files are left as
     * the author wrote them) and slugs whose sources are as last applied while Kapso changed since, an
     * edit in the dashboard (their files are rewritten without {@code kapso.overwrite}: no local edit can
     * be lost).
     */
    private record Standing(Set<String> same, Set<String> adoptable) {}

    private Standing standing(Project local, RemoteProject remote) {
        try {
            Plan plan = Planner.plan(
                    local, remote, Planner.Options.defaults(target()).withApplied(appliedState()));
            Set<String> same = new java.util.HashSet<>();
            Set<String> adoptable = new java.util.HashSet<>();
            for (ResourceChange resource : plan.resources()) {
                if (resource.action() == io.kapsocode.plan.Action.NO_CHANGE) {
                    same.add(resource.key());
                } else if (resource.origin() == ResourceChange.Origin.KAPSO) {
                    adoptable.add(resource.key());
                }
            }
            return new Standing(same, adoptable);
        } catch (RuntimeException e) {
            return new Standing(Set.of(), Set.of()); // sources that cannot be planned: every file is compared
        }
    }

    private static boolean ownedBy(String path, String slug) {
        return path.contains("workflows/" + slug + ".")
                || path.contains("workflows/" + slug + "/")
                || path.contains("functions/" + slug + "/")
                || path.contains("flows/" + slug + "/");
    }

    /** The workflows' Java class, formatted as this project's formatter does. */
    private String javaSource(List<io.kapsocode.model.Workflow> workflows)
            throws MojoExecutionException, MojoFailureException {
        int dot = javaClass.lastIndexOf('.');
        String source;
        try {
            source = JavaSourceWriter.write(
                    dot < 0 ? "kapso" : javaClass.substring(0, dot), javaClass.substring(dot + 1), workflows);
        } catch (UnsupportedOperationException e) {
            throw new MojoFailureException("cannot write the pulled workflows as Java: " + e.getMessage()
                    + "; pull them with -Dkapso.format=yaml");
        }
        try {
            Path scratch = Files.createTempFile("kapso-pull", ".java");
            try {
                Files.writeString(scratch, source, StandardCharsets.UTF_8);
                JavaFormatting.format(plugin, List.of(scratch));
                return Files.readString(scratch, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot format the pulled Java: " + e.getMessage(), e);
        }
    }

    /** The slugs a previous pull wrote to the Java class, read from its {@code Kapso.workflow("...")} calls. */
    private static Set<String> slugsIn(Path javaFile) {
        if (!Files.isRegularFile(javaFile)) {
            return Set.of();
        }
        try {
            Set<String> slugs = new java.util.TreeSet<>();
            Matcher m = WORKFLOW_CALL.matcher(Files.readString(javaFile, StandardCharsets.UTF_8));
            while (m.find()) {
                slugs.add(m.group(1));
            }
            return slugs;
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static final Pattern WORKFLOW_CALL = Pattern.compile("Kapso\\.workflow\\(\"([a-z0-9-]+)\"\\)");

    /** Lists the class in {@code META-INF/services/io.kapsocode.dsl.KapsoDefinitions} if it is not there. */
    private void register(String className) throws IOException {
        Path services = project.getBasedir()
                .toPath()
                .resolve("src/main/resources/META-INF/services/io.kapsocode.dsl.KapsoDefinitions");
        List<String> lines = Files.isRegularFile(services)
                ? new java.util.ArrayList<>(Files.readAllLines(services, StandardCharsets.UTF_8))
                : new java.util.ArrayList<>();
        if (lines.stream().map(String::strip).noneMatch(className::equals)) {
            lines.add(className);
            Files.createDirectories(services.getParent());
            Files.write(services, lines, StandardCharsets.UTF_8);
            getLog().info("  + registered " + className + " in "
                    + project.getBasedir().toPath().relativize(services));
        }
    }
}
