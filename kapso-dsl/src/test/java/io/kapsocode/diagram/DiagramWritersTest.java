package io.kapsocode.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagram.WorkflowDiagram.Arrow;
import io.kapsocode.diagram.WorkflowDiagram.Box;
import io.kapsocode.diagram.WorkflowDiagram.Change;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflows as Mermaid and Graphviz pictures: shapes by type, labels, ends, a plan's changes, hostile ids. */
class DiagramWritersTest {

    static final WorkflowDiagram EVERY_TYPE = WorkflowDiagram.of(WorkflowCompiler.definition(Kapso.workflow("all")
            .start()
            .sendText("greet", "Hi")
            .waitForResponse("ask")
            .decide(
                    "route",
                    d -> d.ai("gpt-5-mini")
                            .when("billing")
                            .goTo("pay")
                            .when("other")
                            .goTo("human"))
            .function("pay", "charge")
            .webhook("notify", HttpMethod.POST, "https://example.com/hook")
            .setVariable("paid", "paid", true, ValueType.BOOLEAN)
            .call("survey", "csat")
            .emitEvent("done", "order.paid")
            .agent("helper", a -> a.systemPrompt("Help"))
            .handoff("human")
            .build()));

    @Test
    void mermaidHasAShapePerTypeLabelsAndMarkedEnds() {
        String chart = MermaidWriter.write(EVERY_TYPE);

        assertThat(MermaidGrammar.problems(chart)).isEmpty();
        assertThat(chart)
                .startsWith("flowchart TD\n    n0([\"start<br/>start\"])\n")
                .contains("[/\"greet<br/>send_text\"/]")
                .contains("{{\"ask<br/>wait_for_response\"}}")
                .contains("{\"route<br/>decide\"}")
                .contains("[[\"pay<br/>function\"]]")
                .contains("(\"helper<br/>agent\")")
                .contains(">\"human<br/>handoff\"]")
                .contains("-->|\"billing\"|")
                .contains("    class n0 start\n");
        assertThat(chart).containsPattern("class (n\\d+,)*n\\d+ finish");
    }

    @Test
    void hostileIdsAndLabelsCannotBreakEitherSyntax() {
        List<String> ids = List.of("a\"b", "c#d", "e|f", "g<h>", "line\nbreak", "emoji 🚀", "[x]", "{y}");
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        boxes.add(new Box("start", "start", Change.NONE, 0));
        String previous = "start";
        for (String id : ids) {
            boxes.add(new Box(id, "send_text", Change.CHANGED, 2));
            arrows.add(new Arrow(previous, id, "when \"" + id + "\" | else", Change.ADDED));
            previous = id;
        }
        WorkflowDiagram hostile = new WorkflowDiagram(boxes, arrows, 0);

        assertThat(MermaidGrammar.problems(MermaidWriter.write(hostile))).isEmpty();
        // the grammar catches what escaping prevents
        assertThat(MermaidGrammar.problems("flowchart TD\n    n0[\"a\"b\"]\n    n0 --> n1\n"))
                .hasSize(3);
        String dot = DotWriter.write("we \"quote\"", hostile);
        assertThat(dot).startsWith("digraph \"we \\\"quote\\\"\" {\n");
        for (String line : dot.split("\n")) {
            String unescaped = line.replace("\\\\", "").replace("\\\"", "");
            assertThat(unescaped.chars().filter(c -> c == '"').count() % 2)
                    .as(line)
                    .isZero();
            assertThat(line).matches(".*[;{}]$");
        }
    }

    @Test
    void aPlansChangesAreStyledAndRemovedOnesDashed() {
        WorkflowDiagram plan = new WorkflowDiagram(
                List.of(
                        new Box("start", "start", Change.NONE, 0),
                        new Box("ask", "wait_for_response", Change.REMOVED, 4),
                        new Box("thanks", "send_text", Change.CHANGED, 0),
                        new Box("extra", "send_text", Change.ADDED, 0)),
                List.of(
                        new Arrow("start", "thanks", "next", Change.ADDED),
                        new Arrow("thanks", "extra", "next", Change.ADDED),
                        new Arrow("start", "ask", "next", Change.REMOVED)),
                0);

        String chart = MermaidWriter.write(plan);

        assertThat(MermaidGrammar.problems(chart)).isEmpty();
        assertThat(chart)
                .contains("{{\"ask<br/>wait_for_response<br/>4 waiting\"}}")
                .contains("    n0 -.-> n1\n")
                .contains("    class n1 removed\n")
                .contains("    class n2 changed\n")
                .contains("    class n3 added\n")
                .contains("    linkStyle 2 stroke:#cf222e,stroke-dasharray:5 5\n");
        assertThat(DotWriter.write("p", plan))
                .contains("\"start\" -> \"ask\" [color=\"#cf222e\", style=dashed];")
                .contains("\"ask\" [label=\"ask\\nwait_for_response\\n4 waiting\", shape=hexagon, color=\"#cf222e\","
                        + " style=dashed];");
    }

    @Test
    void aLargeGraphIsCappedToWhatChangedAndItsNeighboursOrNotDrawn() {
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        boxes.add(new Box("n", "start", Change.NONE, 0));
        for (int i = 0; i < 200; i++) {
            boxes.add(new Box("s" + i, "send_text", i == 100 ? Change.CHANGED : Change.NONE, 0));
            arrows.add(new Arrow(i == 0 ? "n" : "s" + (i - 1), "s" + i, "next", Change.NONE));
        }
        WorkflowDiagram large = new WorkflowDiagram(boxes, arrows, 0);

        WorkflowDiagram capped = large.capped(60);
        assertThat(capped.boxes()).extracting(Box::id).containsExactly("s99", "s100", "s101");
        assertThat(capped.omitted()).isEqualTo(198);
        assertThat(MermaidGrammar.problems(MermaidWriter.write(capped))).isEmpty();
        assertThat(large.capped(2).boxes()).extracting(Box::id).containsExactly("s100");
        assertThat(large.capped(0).boxes()).isEmpty();
        assertThat(large.capped(0).omitted()).isEqualTo(201);
    }

    @Test
    void aFlowsScreensAreDrawnWithTheirNavigationAndRoutesOnce() {
        com.fasterxml.jackson.databind.JsonNode flow =
                io.kapsocode.json.Json.tryParse("""
                        {"version": "7.3",
                         "routing_model": {"ASK": ["DONE", "HELP"], "HELP": ["DONE"], "DONE": []},
                         "screens": [
                           {"id": "ASK", "layout": {"children": [{"type": "Footer", "on-click-action":
                             {"name": "navigate", "next": {"type": "screen", "name": "DONE"}}}]}},
                           {"id": "HELP", "layout": {"children": []}},
                           {"id": "DONE", "terminal": true, "layout": {"children": []}}]}
                        """).orElseThrow();

        WorkflowDiagram screens = WorkflowDiagram.ofFlow(flow);
        String chart = MermaidWriter.write(screens);

        assertThat(MermaidGrammar.problems(chart)).isEmpty();
        assertThat(screens.arrows())
                .extracting(a -> a.from() + "->" + a.to() + ":" + a.label())
                .containsExactly("ASK->DONE:next", "ASK->HELP:route", "HELP->DONE:route");
        assertThat(chart).contains("([\"DONE<br/>terminal_screen\"])").contains("-->|\"route\"|");
        assertThat(DotWriter.write("signup", screens)).contains("shape=doubleoctagon");
    }
}
