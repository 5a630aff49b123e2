package io.kapsocode.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagram.DotWriter;
import io.kapsocode.diagram.MermaidGrammar;
import io.kapsocode.diagram.MermaidWriter;
import io.kapsocode.diagram.WorkflowDiagram;
import io.kapsocode.model.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The pictures {@code kapso:build} draws of the samples, as golden files (regenerate with
 * {@code -Dgolden.update=true} and review the diff): Mermaid that GitHub renders, and Graphviz DOT.
 */
class SampleDiagramsTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "graphs");

    @Test
    void everySampleWorkflowIsDrawnAsTheGoldenFilesSay() throws IOException {
        assertEquals(3, SampleConversationsTest.PROJECT.workflows().size());
        for (Workflow workflow : SampleConversationsTest.PROJECT.workflows()) {
            WorkflowDiagram diagram = WorkflowDiagram.of(WorkflowCompiler.definition(workflow));
            String mermaid = MermaidWriter.write(diagram);
            assertEquals(java.util.List.of(), MermaidGrammar.problems(mermaid), workflow.slug());
            golden(workflow.slug() + ".mmd", mermaid);
            golden(workflow.slug() + ".dot", DotWriter.write(workflow.slug(), diagram));
        }
        for (var flow : SampleConversationsTest.PROJECT.whatsappFlows()) {
            WorkflowDiagram screens = WorkflowDiagram.ofFlow(flow.flowJson());
            assertEquals(java.util.List.of(), MermaidGrammar.problems(MermaidWriter.write(screens)), flow.name());
            golden("flow-" + flow.name() + ".mmd", MermaidWriter.write(screens));
        }
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file), actual, file + "; regenerate with -Dgolden.update=true");
    }
}
