package io.kapsocode.maven;

import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagram.DotWriter;
import io.kapsocode.diagram.MermaidWriter;
import io.kapsocode.diagram.WorkflowDiagram;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints one workflow's (or WhatsApp flow's screens') picture to the console, offline: Mermaid (paste it into a Markdown file, an
 * issue or mermaid.live) or Graphviz DOT ({@code | dot -Tsvg > graph.svg}).
 */
@Mojo(name = "graph", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class GraphMojo extends AbstractKapsoMojo {

    /** The workflow to draw, by slug, or the WhatsApp flow, by name. */
    @Parameter(property = "kapso.only")
    private List<String> only;

    /** {@code mermaid} or {@code dot}. */
    @Parameter(property = "kapso.graph.format", defaultValue = "mermaid")
    private String format;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Project sources = loadValidProject();
        List<String> names = new java.util.ArrayList<>(
                sources.workflows().stream().map(Workflow::slug).toList());
        sources.whatsappFlows().forEach(f -> names.add(f.name()));
        if (only == null || only.size() != 1) {
            throw new MojoFailureException("kapso:graph draws one workflow or WhatsApp flow: name it with"
                    + " -Dkapso.only=<slug or flow name>, one of " + names);
        }
        String slug = only.get(0).strip();
        Optional<Workflow> workflow = sources.workflow(slug);
        Optional<io.kapsocode.model.WhatsappFlow> flow = sources.whatsappFlows().stream()
                .filter(f -> f.name().equals(slug))
                .findFirst();
        if (workflow.isEmpty() && flow.isEmpty()) {
            throw new MojoFailureException("the sources have no workflow or WhatsApp flow '" + slug + "'"
                    + io.kapsocode.diagnostic.Suggestions.didYouMean(slug, names) + "; they have " + names);
        }
        // a workflow's slug wins over a flow of the same name: slugs are what kapso.only names elsewhere
        WorkflowDiagram diagram = workflow.isPresent()
                ? WorkflowDiagram.of(WorkflowCompiler.definition(workflow.get()))
                : WorkflowDiagram.ofFlow(flow.get().flowJson());
        String text = switch (format == null ? "mermaid" : format.strip()) {
            case "mermaid" -> MermaidWriter.write(diagram);
            case "dot" -> DotWriter.write(slug, diagram);
            default -> throw new MojoFailureException("kapso.graph.format is '" + format + "'; use mermaid or dot");
        };
        // the picture goes to standard output as it is, so that it can be piped; Maven's log would prefix it
        System.out.print(text);
        System.out.flush();
    }
}
