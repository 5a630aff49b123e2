package io.kapsocode.pull;

import io.kapsocode.cli.CliLayoutWriter;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.yaml.WorkflowYamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files a pull writes, relative to the source folder. A workflow the sources already hold keeps
 * its file and layout; a new one gets the layout asked for. A workflow written in Java is not
 * rewritten: the pull says so, and its class stays the author's.
 *
 * @param files path to content
 * @param forJava new workflows to write as Java (layout {@link SourceLayout#JAVA})
 * @param notes what the pull left alone, and why
 */
public record PulledFiles(Map<String, String> files, List<Workflow> forJava, List<String> notes) {

    public static PulledFiles of(Project pulled, Project local, SourceLayout layout) {
        return of(pulled, local, layout, java.util.Set.of());
    }

    /**
     * @param generatedInJava slugs a previous pull wrote to the Java class, which this pull rewrites
     */
    public static PulledFiles of(
            Project pulled, Project local, SourceLayout layout, java.util.Set<String> generatedInJava) {
        Map<String, String> files = new TreeMap<>();
        List<Workflow> forJava = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Workflow workflow : pulled.workflows()) {
            Optional<String> existing =
                    local.workflow(workflow.slug()).flatMap(w -> w.sourceMap().file());
            if (generatedInJava.contains(workflow.slug())) {
                forJava.add(workflow);
                continue;
            }
            if (local.workflow(workflow.slug()).isPresent()
                    && existing.map(f -> f.endsWith(".java")).orElse(true)) {
                notes.add(workflow.subject() + " is defined in Java: not rewritten; compare it with kapso:plan");
                continue;
            }
            // where the sources hold it now, relative to the source folder
            Optional<String> current =
                    existing.filter(f -> f.contains("workflows/")).map(f -> f.substring(f.indexOf("workflows/")));
            SourceLayout target = current.map(f -> f.endsWith("/workflow.yaml") ? SourceLayout.CLI : SourceLayout.YAML)
                    .orElse(layout);
            if (target == SourceLayout.JAVA) {
                forJava.add(workflow);
            } else if (target == SourceLayout.CLI) {
                String folder = current.map(f -> f.substring(0, f.length() - "workflow.yaml".length()))
                        .orElse("workflows/" + workflow.slug() + "/");
                CliLayoutWriter.workflowFiles(workflow)
                        .forEach((path, text) -> files.put(folder + path.substring(path.lastIndexOf('/') + 1), text));
            } else {
                files.put(current.orElse("workflows/" + workflow.slug() + ".yaml"), WorkflowYamlWriter.write(workflow));
            }
        }
        for (FunctionDefinition function : pulled.functions()) {
            files.putAll(CliLayoutWriter.functionFiles(function));
        }
        for (WhatsappFlow flow : pulled.whatsappFlows()) {
            if (flow.flowJson() == null) {
                notes.add(flow.subject() + " has no version in Kapso yet: not pulled");
                continue;
            }
            files.putAll(CliLayoutWriter.flowFiles(flow));
        }
        return new PulledFiles(files, forJava, notes);
    }
}
