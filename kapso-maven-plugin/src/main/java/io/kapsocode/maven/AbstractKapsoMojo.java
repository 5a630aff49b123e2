package io.kapsocode.maven;

import io.kapsocode.client.ApiKind;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.load.Environment;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.Project;
import io.kapsocode.plan.ResourceKind;
import io.kapsocode.validate.ProjectValidator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: where the sources are, how they are read, how mistakes are reported. */
abstract class AbstractKapsoMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The folder holding {@code workflows/}, {@code functions/} and {@code flows/}. */
    @Parameter(property = "kapso.sourceDirectory", defaultValue = "${project.basedir}/src/main/kapso")
    protected File sourceDirectory;

    /**
     * The environment whose values (<code>environments/NAME.yaml</code>) replace the {@code ${kapso:NAME}}
     * placeholders of the sources: one source tree for staging and production.
     */
    @Parameter(property = "kapso.environment")
    protected String environment;

    /**
     * The Kapso API the project lives on: {@code platform} (the default) or {@code legacy}, the older
     * flows API at {@code app.kapso.ai/api/v1}, whose limits validation then checks too.
     */
    @Parameter(property = "kapso.api", defaultValue = "platform")
    protected String api;

    /** Whether warnings fail the build like errors. */
    @Parameter(property = "kapso.strict", defaultValue = "false")
    protected boolean strict;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** What this run read from Java definitions, by address ({@code workflow:support}). */
    protected Set<String> fromJava = Set.of();

    /** The sources this run read, once read. */
    protected Project sources = new Project(List.of(), List.of(), List.of());

    /**
     * Reads Java definitions and every source file, validates the result, prints every diagnostic. Fails
     * first when the project declares Java definitions that are not compiled or older than their sources:
     * reading the rest alone would make the Java workflows look deleted.
     */
    protected Project loadValidProject() throws MojoExecutionException, MojoFailureException {
        checkJavaCompiled();
        Diagnostics diagnostics = new Diagnostics();
        Project fromJava = JavaDefinitions.load(classpath(), diagnostics);
        this.fromJava = addresses(fromJava);
        LoadedProject loaded =
                new ProjectLoader(sourceDirectory.toPath(), project.getBasedir().toPath()).load(fromJava);
        diagnostics.addAll(loaded.diagnostics());
        Project sources = withEnvironment(loaded.project(), diagnostics);
        diagnostics.addAll(
                apiKind() == ApiKind.LEGACY
                        ? ProjectValidator.validateForLegacyApi(sources)
                        : ProjectValidator.validate(sources));
        report(diagnostics.sorted().stream().map(this::inJavaSources).toList(), sources);
        this.sources = sources;
        return sources;
    }

    /**
     * A diagnostic of a workflow built in Java names its file relative to a source root
     * ({@code com/acme/Workflows.java}); this names it as the project holds it
     * ({@code src/main/java/com/acme/Workflows.java}).
     */
    private Diagnostic inJavaSources(Diagnostic diagnostic) {
        SourceLocation at = diagnostic.location();
        if (at == null || !at.file().endsWith(".java")) {
            return diagnostic;
        }
        Path basedir = project.getBasedir().toPath();
        for (String root : project.getCompileSourceRoots()) {
            Path file = basedir.resolve(root).resolve(at.file());
            if (Files.isRegularFile(file)) {
                String shown = basedir.relativize(file.toAbsolutePath().normalize())
                        .toString()
                        .replace('\\', '/');
                return new Diagnostic(
                        diagnostic.severity(),
                        diagnostic.code(),
                        diagnostic.message(),
                        diagnostic.subject(),
                        diagnostic.path(),
                        new SourceLocation(shown, at.line(), at.column()));
            }
        }
        return diagnostic;
    }

    /** The API {@code kapso.api} names. */
    protected ApiKind apiKind() throws MojoFailureException {
        try {
            return ApiKind.of(api == null ? "platform" : api);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** Fails when the project's Java definitions are not compiled or older than their sources. */
    protected void checkJavaCompiled() throws MojoFailureException {
        Optional<String> notCompiled = CompiledJava.problem(javaLayout());
        if (notCompiled.isPresent()) {
            throw new MojoFailureException(notCompiled.get() + ". Without them this run would see only the YAML and"
                    + " Kapso CLI sources; nothing was read or written. Compile first: mvn process-classes kapso:"
                    + mojoExecution.getGoal() + " (with the same options)");
        }
    }

    private CompiledJava.Layout javaLayout() {
        Path basedir = project.getBasedir().toPath();
        return new CompiledJava.Layout(
                basedir,
                project.getCompileSourceRoots().stream().map(basedir::resolve).toList(),
                project.getResources().stream()
                        .map(resource -> basedir.resolve(resource.getDirectory()))
                        .toList(),
                basedir.resolve(project.getBuild().getOutputDirectory()));
    }

    private static Set<String> addresses(Project project) {
        Set<String> addresses = new TreeSet<>();
        project.workflows().forEach(w -> addresses.add(ResourceKind.WORKFLOW.address(w.slug())));
        project.functions().forEach(f -> addresses.add(ResourceKind.FUNCTION.address(f.slug())));
        project.whatsappFlows().forEach(f -> addresses.add(ResourceKind.WHATSAPP_FLOW.address(f.name())));
        return addresses;
    }

    /** Whether a placeholder without a value is an error even when no environment is chosen. */
    protected boolean needsEnvironmentValues() {
        return false;
    }

    private Project withEnvironment(Project project, Diagnostics diagnostics) {
        if (environment == null || environment.isBlank()) {
            return needsEnvironmentValues() ? Environment.NONE.apply(project, diagnostics) : project;
        }
        return Environment.read(
                        sourceDirectory.toPath(), project().getBasedir().toPath(), environment.strip(), diagnostics)
                .map(env -> env.apply(project, diagnostics))
                .orElse(project);
    }

    private MavenProject project() {
        return project;
    }

    private void report(List<Diagnostic> diagnostics, Project project) throws MojoFailureException {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                getLog().error(diagnostic.format());
            } else {
                getLog().warn(diagnostic.format());
            }
        }
        String counts = count(errors, "error") + ", " + count(warnings, "warning");
        if (errors > 0 || (strict && warnings > 0)) {
            throw new MojoFailureException("Kapso sources are invalid: " + counts
                    + (errors == 0 ? " (kapso.strict makes warnings fail the build)" : "") + "; see the lines above");
        }
        getLog().info("Kapso sources: " + count(project.workflows().size(), "workflow") + ", "
                + count(project.functions().size(), "function") + ", "
                + count(project.whatsappFlows().size(), "WhatsApp flow") + "; " + counts);
    }

    protected List<String> classpath() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's compile classpath is not resolved", e);
        }
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
