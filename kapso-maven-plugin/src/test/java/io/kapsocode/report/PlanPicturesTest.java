package io.kapsocode.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagram.WorkflowDiagram;
import io.kapsocode.diagram.WorkflowDiagram.Box;
import io.kapsocode.diagram.WorkflowDiagram.Change;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.InFlight;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.ResourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan's Markdown draws each workflow whose graph changes as a Mermaid picture GitHub renders: the
 * added, changed and removed nodes and edges in their styles, the removed ones put back dashed, and the
 * conversations waiting at each node.
 */
class PlanPicturesTest {

    static final Path GOLDEN = Path.of("src/test/resources/report/plan-with-pictures.md");

    /** The sources: 'answer' is gone, 'more' is new, 'thanks' says something else. */
    static final Workflow SURVEY = Kapso.workflow("survey")
            .name("Survey")
            .onApiCall()
            .start()
            .sendText("ask", "How did we do?")
            .sendText("more", "Anything else?")
            .sendText("thanks", "Thank you!")
            .build();

    static final Workflow FEEDBACK = Kapso.workflow("feedback")
            .name("Feedback")
            .start()
            .sendText("hello", "Hello")
            .build();

    static Plan plan() {
        ObjectNode answer = Json.object().put("node_type", "wait_for_response");
        answer.putObject("config").put("save_response_to", "score");
        ResourceChange survey = new ResourceChange(
                ResourceKind.WORKFLOW,
                "survey",
                Action.UPDATE,
                "w-1",
                "lock_version=3",
                List.of(
                        new FieldChange("edges.answer[next]", Json.text("thanks"), null),
                        new FieldChange("edges.ask[next]", Json.text("answer"), Json.text("more")),
                        new FieldChange("edges.more[next]", null, Json.text("thanks")),
                        new FieldChange("nodes.answer", answer, null),
                        new FieldChange("nodes.more", null, Json.object().put("node_type", "send_text")),
                        new FieldChange("nodes.thanks.config.message", Json.text("Thanks!"), Json.text("Thank you!"))),
                List.of(),
                List.of());
        ResourceChange feedback = new ResourceChange(
                ResourceKind.WORKFLOW, "feedback", Action.CREATE, null, "absent", List.of(), List.of(), List.of());
        InFlight inFlight = new InFlight(
                5,
                0,
                0,
                Map.of("answer", 4, "ask", 1),
                List.of(
                        new InFlight.Affected(
                                "survey",
                                "answer",
                                InFlight.Impact.REMOVED,
                                4,
                                0,
                                0,
                                List.of("t-1", "t-2", "t-3", "t-4")),
                        new InFlight.Affected("survey", "ask", InFlight.Impact.REWIRED, 1, 0, 0, List.of("t-5"))));
        return new Plan(Plan.FORMAT_VERSION, "emulator", List.of(feedback, survey), Map.of("survey", inFlight));
    }

    static final Project SOURCES = new Project(List.of(SURVEY, FEEDBACK), List.of(), List.of());

    @Test
    void theMarkdownDrawsWhatChangedAsTheGoldenFileSays() throws IOException {
        String markdown = PlanMarkdown.render(plan(), PlanMarkdown.DEFAULT_MAX_CHARS, PlanDiagrams.of(plan(), SOURCES));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, markdown, StandardCharsets.UTF_8);
        }
        assertThat(markdown).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void theRemovedNodeAndEdgesArePutBackAndEveryChangeIsMarked() {
        WorkflowDiagram survey = PlanDiagrams.of(plan(), SOURCES).get("workflow:survey");

        assertThat(survey.boxes())
                .extracting(Box::id, Box::change, Box::waiting)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("start", Change.NONE, 0),
                        org.assertj.core.groups.Tuple.tuple("ask", Change.NONE, 1),
                        org.assertj.core.groups.Tuple.tuple("more", Change.ADDED, 0),
                        org.assertj.core.groups.Tuple.tuple("thanks", Change.CHANGED, 0),
                        org.assertj.core.groups.Tuple.tuple("answer", Change.REMOVED, 4));
        assertThat(survey.arrows())
                .extracting(a -> a.from() + "->" + a.to() + ":" + a.change())
                .containsExactlyInAnyOrder(
                        "start->ask:NONE",
                        "ask->more:ADDED",
                        "more->thanks:ADDED",
                        "answer->thanks:REMOVED",
                        "ask->answer:REMOVED");
        assertThat(PlanDiagrams.of(plan(), SOURCES).get("workflow:feedback").boxes())
                .allSatisfy(b -> assertThat(b.change()).isEqualTo(Change.ADDED));
    }

    @Test
    void everyPictureInTheMarkdownIsWellFormedMermaid() {
        String markdown = PlanMarkdown.render(plan(), PlanMarkdown.DEFAULT_MAX_CHARS, PlanDiagrams.of(plan(), SOURCES));
        String[] blocks = markdown.split("```mermaid\n");
        assertThat(blocks).hasSize(3);
        for (int i = 1; i < blocks.length; i++) {
            String chart = blocks[i].substring(0, blocks[i].indexOf("```"));
            assertThat(io.kapsocode.diagram.MermaidGrammar.problems(chart)).isEmpty();
        }
    }

    @Test
    void aChangedWhatsappFlowIsDrawnAsItsScreensWithWhatChanged() {
        com.fasterxml.jackson.databind.JsonNode before = Json.tryParse("""
                        {"version": "7.3", "screens": [
                          {"id": "ASK", "layout": {"children": [{"type": "Footer", "on-click-action":
                            {"name": "navigate", "next": {"type": "screen", "name": "OLD"}}}]}},
                          {"id": "OLD", "terminal": true, "layout": {"children": []}}]}
                        """).orElseThrow();
        com.fasterxml.jackson.databind.JsonNode after = Json.tryParse("""
                        {"version": "7.3", "screens": [
                          {"id": "ASK", "title": "Ask", "layout": {"children": [{"type": "Footer", "on-click-action":
                            {"name": "navigate", "next": {"type": "screen", "name": "NEW"}}}]}},
                          {"id": "NEW", "terminal": true, "layout": {"children": []}}]}
                        """).orElseThrow();
        ResourceChange flow = new ResourceChange(
                ResourceKind.WHATSAPP_FLOW,
                "signup",
                Action.UPDATE,
                "f-1",
                "version=v1",
                List.of(new FieldChange("flow_json", before, after)),
                List.of(),
                List.of());
        Plan plan = new Plan(Plan.FORMAT_VERSION, "emulator", List.of(flow));

        WorkflowDiagram screens = PlanDiagrams.of(plan, SOURCES).get("whatsapp_flow:signup");

        assertThat(screens.boxes())
                .extracting(b -> b.id() + ":" + b.change())
                .containsExactly("ASK:CHANGED", "NEW:ADDED", "OLD:REMOVED");
        assertThat(screens.arrows())
                .extracting(a -> a.from() + "->" + a.to() + ":" + a.change())
                .containsExactly("ASK->NEW:ADDED", "ASK->OLD:REMOVED");
        String markdown = PlanMarkdown.render(plan, PlanMarkdown.DEFAULT_MAX_CHARS, PlanDiagrams.of(plan, SOURCES));
        assertThat(markdown).contains("```mermaid\n").contains("-.->");
    }
}
