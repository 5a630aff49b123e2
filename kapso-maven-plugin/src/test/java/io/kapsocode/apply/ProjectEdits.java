package io.kapsocode.apply;

import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.util.function.UnaryOperator;

/** A project with every node of every workflow changed by one function, for tests that edit sources. */
final class ProjectEdits {

    private ProjectEdits() {}

    static Project mapNodes(Project project, UnaryOperator<Node> change) {
        return new Project(
                project.workflows().stream()
                        .map(w -> new Workflow(
                                w.slug(),
                                w.name(),
                                w.description(),
                                w.status(),
                                w.settings(),
                                w.triggers(),
                                w.nodes().stream().map(change).toList(),
                                w.edges(),
                                w.sourceMap()))
                        .toList(),
                project.functions(),
                project.whatsappFlows());
    }
}
