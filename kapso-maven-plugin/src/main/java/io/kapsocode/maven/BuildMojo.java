package io.kapsocode.maven;

import io.kapsocode.cli.CliLayoutWriter;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagram.DotWriter;
import io.kapsocode.diagram.MermaidWriter;
import io.kapsocode.diagram.WorkflowDiagram;
import io.kapsocode.model.Project;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Validates like {@code kapso:validate}, then writes the compiled project in the Kapso CLI layout
 * (<code>workflows/SLUG/workflow.yaml</code> + {@code definition.json}, {@code functions/},
 * {@code flows/}) for review, and a picture of each workflow ({@code graphs/SLUG.mmd}, Mermaid, and
 * {@code graphs/SLUG.dot}, Graphviz) and of each WhatsApp Flow's screens ({@code graphs/flows/NAME.mmd}
 * and {@code .dot}). The folders are rewritten each time, so they never hold stale
 * files.
 */
@Mojo(
        name = "build",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class BuildMojo extends AbstractKapsoMojo {

    /** Where the compiled layout is written. */
    @Parameter(property = "kapso.outputDirectory", defaultValue = "${project.build.directory}/kapso")
    private File outputDirectory;

    /** Skips this goal. */
    @Parameter(property = "kapso.build.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping kapso:build (kapso.build.skip)");
            return;
        }
        Project kapsoProject = loadValidProject();
        Map<String, String> files = new java.util.TreeMap<>(CliLayoutWriter.files(kapsoProject));
        for (io.kapsocode.model.Workflow workflow : kapsoProject.workflows()) {
            WorkflowDiagram diagram = WorkflowDiagram.of(WorkflowCompiler.definition(workflow));
            files.put("graphs/" + workflow.slug() + ".mmd", MermaidWriter.write(diagram));
            files.put("graphs/" + workflow.slug() + ".dot", DotWriter.write(workflow.slug(), diagram));
        }
        for (io.kapsocode.model.WhatsappFlow flow : kapsoProject.whatsappFlows()) {
            if (flow.flowJson() != null && flow.flowJson().isObject()) {
                WorkflowDiagram screens = WorkflowDiagram.ofFlow(flow.flowJson());
                files.put("graphs/flows/" + flow.name() + ".mmd", MermaidWriter.write(screens));
                files.put("graphs/flows/" + flow.name() + ".dot", DotWriter.write(flow.name(), screens));
            }
        }
        Path out = outputDirectory.toPath();
        try {
            for (String folder : new String[] {"workflows", "functions", "flows", "graphs"}) {
                FileTrees.deleteRecursively(out.resolve(folder));
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = out.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + count(files.size(), "file") + " to "
                + project.getBasedir().toPath().relativize(out));
    }
}
