package io.kapsocode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.kapsocode.json.Json;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.ResourceKind;
import io.kapsocode.plan.SavedPlanCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's three faces: log text, Markdown for GitHub (a golden file), and the versioned JSON file. */
class PlanReportsTest {

    static final Path GOLDEN = Path.of("src/test/resources/report/plan.md");

    static Plan plan() {
        String before = "You are Acme's assistant.\nBe brief.\nNever promise refunds.\nSign as Acme.";
        String after = "You are Acme's assistant.\nBe brief and kind.\nNever promise refunds.\nSign as Acme.";
        return new Plan(
                Plan.FORMAT_VERSION,
                "https://api.kapso.ai/platform/v1",
                List.of(
                        new ResourceChange(
                                ResourceKind.FUNCTION,
                                "lookup-order",
                                Action.CREATE,
                                null,
                                "absent",
                                List.of(
                                        new FieldChange("name", null, Json.text("Look up an order")),
                                        new FieldChange("deployment", null, Json.text("deployed"))),
                                List.of("set its secrets [SHOP_API_TOKEN] in Kapso after the first deploy"),
                                List.of()),
                        new ResourceChange(
                                ResourceKind.WORKFLOW,
                                "support",
                                Action.UPDATE,
                                "5f0c",
                                "lock_version=3;status=active",
                                List.of(
                                        new FieldChange(
                                                "nodes.greet.config.message", Json.text("Hi!"), Json.text("Hello!")),
                                        new FieldChange(
                                                "nodes.helper.config.system_prompt",
                                                Json.text(before),
                                                Json.text(after)),
                                        new FieldChange("edges.route[other]", Json.text("helper"), null),
                                        new FieldChange("edges.route[human]", null, Json.text("handoff"))),
                                List.of(),
                                List.of("function:lookup-order")),
                        new ResourceChange(
                                ResourceKind.WORKFLOW,
                                "legacy | old",
                                Action.KEEP,
                                "9a9a",
                                "lock_version=1;status=active",
                                List.of(),
                                List.of("not in the sources; kept (run with -Dkapso.prune=true to remove it)"),
                                List.of())));
    }

    @Test
    void everyNodeOfANewWorkflowReadsTheSameWayShortOrLong() {
        ObjectNode shortNode = (ObjectNode)
                Json.valueOf(java.util.Map.of("node_type", "send_text", "config", java.util.Map.of("message", "Hi!")));
        ObjectNode longNode = (ObjectNode) Json.valueOf(java.util.Map.of(
                "node_type",
                "agent",
                "config",
                java.util.Map.of("system_prompt", "Help.", "provider_model_name", "gpt-5-mini", "max_iterations", 80)));
        Plan plan = new Plan(
                Plan.FORMAT_VERSION,
                "emulator",
                List.of(new ResourceChange(
                        ResourceKind.WORKFLOW,
                        "support",
                        Action.CREATE,
                        null,
                        "absent",
                        List.of(
                                new FieldChange("nodes.greet", null, shortNode),
                                new FieldChange("nodes.helper", null, longNode)),
                        List.of(),
                        List.of())));

        assertThat(PlanText.lines(plan, false))
                .contains(
                        "    + nodes.greet.config.message: \"Hi!\"",
                        "    + nodes.greet.node_type: \"send_text\"",
                        "    + nodes.helper.config.max_iterations: 80",
                        "    + nodes.helper.node_type: \"agent\"");
    }

    @Test
    void markdownRendersAsTheGoldenFile() throws IOException {
        String markdown = PlanMarkdown.render(plan(), PlanMarkdown.DEFAULT_MAX_CHARS);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, markdown, StandardCharsets.UTF_8);
        }
        assertThat(markdown).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void markdownIsCutToTheSizeCapWithAPointerToTheFullPlan() {
        String markdown = PlanMarkdown.render(plan(), 700);

        assertThat(markdown.length()).isLessThanOrEqualTo(700);
        assertThat(markdown).contains("**Plan: 1 to create, 1 to update, 0 to archive.**");
        assertThat(markdown).contains("cut to fit GitHub's comment size; see `target/kapso/plan.json`");
    }

    @Test
    void textShowsSymbolsALineDiffForLongStringsAndTheSummary() {
        List<String> lines = PlanText.lines(plan(), false);

        assertThat(lines)
                .contains(
                        "+ function 'lookup-order' will be created",
                        "~ workflow 'support' will be updated",
                        "    ~ nodes.greet.config.message: \"Hi!\" -> \"Hello!\"",
                        "    ~ nodes.helper.config.system_prompt:",
                        "        - Be brief.",
                        "        + Be brief and kind.",
                        "    - edges.route[other]: \"helper\"",
                        "    + edges.route[human]: \"handoff\"",
                        "Plan: 1 to create, 1 to update, 0 to archive.");
        assertThat(PlanText.lines(plan(), true).stream().anyMatch(l -> l.contains("\u001B[32m")))
                .isTrue();
    }

    @Test
    void theJsonFileReadsBackToTheSamePlan() {
        Plan plan = plan();

        Plan read =
                PlanJson.read(Json.tryParse(Json.compact(PlanJson.write(plan))).orElseThrow());

        assertThat(SavedPlanCheck.problems(read, plan)).isEmpty();
        assertThat(read.resources())
                .extracting(ResourceChange::address)
                .containsExactly("function:lookup-order", "workflow:support", "workflow:legacy | old");
        assertThat(PlanJson.write(plan).path("summary").path("create").asInt()).isEqualTo(1);
    }

    @Test
    void theJsonFileFollowsItsPublishedSchema() throws IOException {
        JsonSchema schema;
        try (var in = getClass().getResourceAsStream("/schema/kapso-plan.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
        assertThat(schema.validate(PlanJson.write(plan()))).isEmpty();
        io.kapsocode.plan.InFlight inFlight = new io.kapsocode.plan.InFlight(
                3,
                1,
                0,
                java.util.Map.of("ask", 3),
                java.util.List.of(new io.kapsocode.plan.InFlight.Affected(
                        "support",
                        "ask",
                        io.kapsocode.plan.InFlight.Impact.REMOVED,
                        3,
                        0,
                        0,
                        java.util.List.of("t-1"))));
        assertThat(schema.validate(PlanJson.write(plan().withInFlight(java.util.Map.of("support", inFlight)))))
                .isEmpty();
        ObjectNode wrong = PlanJson.write(plan());
        wrong.put("format_version", 2);
        assertThat(schema.validate(wrong)).isNotEmpty();
    }

    @Test
    void aPlanFileOfAnotherFormatVersionIsRefusedWithTheFix() {
        assertThatThrownBy(() -> PlanJson.read(Json.object().put("format_version", 99)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plan file has format_version 99, this plugin reads 1; run kapso:plan again with"
                        + " this plugin");
    }

    @Test
    void aLineDiffKeepsContextAndElidesLongUnchangedRuns() {
        String before = String.join("\n", List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        String after = String.join("\n", List.of("a", "b", "c", "d", "e", "f", "g", "H"));

        assertThat(LineDiff.diff(before, after)).containsExactly("  ... 5 unchanged lines", "  f", "  g", "- h", "+ H");
    }
}
