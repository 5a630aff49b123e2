package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.cases.SharedCases;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflows written in Java have no file position: their diagnostics name the workflow and the path. */
class JavaSourcesValidationTest {

    private static List<String> validate(Workflow... workflows) {
        return ProjectValidator.validate(new Project(List.of(workflows), List.of(), List.of())).stream()
                .map(Diagnostic::format)
                .toList();
    }

    @Test
    void aJavaMistakePointsAtTheJavaLineThatMadeIt() {
        Workflow workflow = Kapso.workflow("routing")
                .name("Routing")
                .start()
                .waitForResponse("ask")
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .when("yes")
                                .goTo("confirm")
                                .when("no")
                                .goTo("cancl"))
                .sendText("confirm", "Confirmed.")
                .end()
                .sendText("cancel", "Cancelled.")
                .build();

        assertThat(validate(workflow))
                .containsExactly(
                        "io/kapsocode/validate/JavaSourcesValidationTest.java:34: error[missing_edge_target] edge"
                                + " from 'route' leads to node 'cancl', which does not exist (did you mean 'cancel'?)");
    }

    @Test
    void aSuppressionWithAReasonSilencesOneRuleOnOneNode() {
        Workflow workflow = Kapso.workflow("fire-and-forget")
                .name("Fire and forget")
                .start()
                .webhook(
                        "notify",
                        io.kapsocode.model.HttpMethod.POST,
                        "https://hooks.example.com/new-lead",
                        w -> w.suppress("dead_end", "the customer needs no answer"))
                .build();
        Workflow unsuppressed = Kapso.workflow("fire-and-forget-2")
                .name("Fire and forget")
                .start()
                .webhook("notify", io.kapsocode.model.HttpMethod.POST, "https://hooks.example.com/new-lead")
                .build();

        assertThat(validate(workflow)).isEmpty();
        assertThat(validate(unsuppressed)).singleElement().asString().contains("warning[dead_end]");
    }

    @Test
    void theSharedCasesHaveNoErrorsButTheDeliberateRawNode() {
        var signup = Kapso.whatsappFlow("signup")
                .phoneNumberId(SharedCases.PHONE)
                .flowJson(java.util.Map.of(
                        "version",
                        "7.2",
                        "screens",
                        List.of(java.util.Map.of(
                                "id",
                                "WELCOME",
                                "terminal",
                                true,
                                "layout",
                                java.util.Map.of(
                                        "type",
                                        "SingleColumnLayout",
                                        "children",
                                        List.of(java.util.Map.of(
                                                "type",
                                                "Footer",
                                                "label",
                                                "Done",
                                                "on-click-action",
                                                java.util.Map.of(
                                                        "name", "complete", "payload", java.util.Map.of()))))))))
                .build();
        for (var entry : SharedCases.all().entrySet()) {
            List<String> errors =
                    ProjectValidator.validate(
                                    new Project(List.of(entry.getValue().get()), List.of(), List.of(signup)))
                            .stream()
                            .filter(Diagnostic::isError)
                            .map(Diagnostic::format)
                            .toList();
            if (entry.getKey().equals("raw-and-extras")) {
                assertThat(errors).singleElement().asString().contains("error[unknown_node_type]");
            } else {
                assertThat(errors).as(entry.getKey()).isEmpty();
            }
        }
    }
}
