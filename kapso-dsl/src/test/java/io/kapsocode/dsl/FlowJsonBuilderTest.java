package io.kapsocode.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.validate.ProjectValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flow JSON written in Java compiles to what a flow.json holds, and the same rules check it. */
class FlowJsonBuilderTest {

    @Test
    void theSamplesSignupFlowWrittenInJavaIsTheSameFlowJson() throws IOException {
        JsonNode built = Kapso.flowJson("7.2")
                .screen(
                        "WELCOME",
                        s -> s.title("Sign up")
                                .terminal()
                                .textInput("full_name", "Full name", true)
                                .footer(
                                        "Done",
                                        ScreenAction.complete(Map.of("full_name", ScreenAction.form("full_name")))))
                .build();

        JsonNode file = Json.tryParse(Files.readString(
                        Path.of("..", "samples", "src", "main", "kapso", "flows", "signup", "flow.json")))
                .orElseThrow();
        assertThat(built).isEqualTo(file);
    }

    @Test
    void aBuiltFlowIsValidatedLikeAWrittenOne() {
        Map<String, String> days = new LinkedHashMap<>();
        days.put("mon", "Monday");
        days.put("tue", "Tuesday");
        JsonNode flow = Kapso.flowJson("7.3")
                .screen(
                        "DAY",
                        s -> s.heading("Which day?")
                                .dropdown("day", "Day", days, true)
                                .footer(
                                        "Next",
                                        ScreenAction.navigate("CONFRIM", Map.of("day", ScreenAction.form("day")))))
                .screen(
                        "CONFIRM",
                        s -> s.terminal()
                                .data("day", "string", "mon")
                                .body(ScreenAction.data("day"))
                                .footer("Book", ScreenAction.complete(Map.of("day", ScreenAction.data("day")))))
                .build();

        var diagnostics = ProjectValidator.validate(new Project(
                List.of(),
                List.of(),
                List.of(Kapso.whatsappFlow("booking")
                        .phoneNumberId("111")
                        .flowJson(flow)
                        .build())));

        assertThat(diagnostics)
                .extracting(d -> d.code())
                .containsExactlyInAnyOrder("flow_navigate_target", "flow_unreachable_screen");
    }
}
