package io.kapsocode.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void everyKindOfComponentCanBeWrittenInJavaAndTheResultHasNoDiagnostic() {
        Map<String, String> diets = new LinkedHashMap<>();
        diets.put("vegan", "Vegan");
        diets.put("gluten_free", "Gluten free");
        Map<String, ScreenAction> places = new LinkedHashMap<>();
        places.put("City center", ScreenAction.navigate("BOOK", Map.of()));
        JsonNode flow = Kapso.flowJson("7.3")
                .screen(
                        "PLACES",
                        s -> s.data("tier", "string", "gold")
                                .image("iVBORw0KGgo=", "Our dining room")
                                .imageCarousel(Map.of("iVBORw0KGgo=", "The terrace"))
                                .richText("# Our places", "- open late")
                                .switchOn(
                                        ScreenAction.data("tier"),
                                        Map.of("gold", c -> c.caption("Welcome back, gold member")))
                                .navigationList("place", places))
                .screen(
                        "BOOK",
                        s -> s.terminal()
                                .form(
                                        "booking",
                                        f -> f.textInput("email", "Email", true)
                                                .with("input-type", "email")
                                                .with("helper-text", "For the confirmation")
                                                .calendarPicker("dates", "Dates", true)
                                                .chips("diet", "Diet", diets, false)
                                                .photoPicker("photo", "Your ID", 0, 1)
                                                .documentPicker("voucher", "Voucher", "application/pdf")
                                                .optIn("news", "Send me news", false))
                                .when(
                                        ScreenAction.form("news") + " == true",
                                        t -> t.footer(
                                                "Book and subscribe",
                                                ScreenAction.complete(
                                                        Map.of("email", ScreenAction.form("email"), "news", true))),
                                        e -> e.footer(
                                                "Book",
                                                ScreenAction.complete(Map.of("email", ScreenAction.form("email"))))))
                .build();

        var diagnostics = ProjectValidator.validate(new Project(
                List.of(),
                List.of(),
                List.of(Kapso.whatsappFlow("places")
                        .phoneNumberId("111")
                        .flowJson(flow)
                        .build())));

        assertThat(diagnostics).extracting(d -> d.format()).isEmpty();
        assertThat(flow.at("/screens/1/layout/children/0/children/0/input-type").asText())
                .isEqualTo("email");
        assertThat(flow.at("/screens/1/layout/children/1/else/0/type").asText()).isEqualTo("Footer");
    }

    @Test
    void screenSettingsInsideABranchAndAPropertyBeforeAnyComponentAreRefusedAtOnce() {
        assertThatThrownBy(() -> Kapso.flowJson("7.3").screen("S", s -> s.with("visible", false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a component before it");
        assertThatThrownBy(() -> Kapso.flowJson("7.3").screen("S", s -> s.form("f", f -> f.terminal())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terminal(...) belongs to the screen");
    }
}
