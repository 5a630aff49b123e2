package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A WhatsApp Flow walked screen by screen: inputs, taps, navigation with data, the data endpoint, the
 * completion payload, and what was reached.
 */
class FlowRunTest {

    /** Booking: pick a day, the endpoint offers times for it, confirm, complete. */
    static final JsonNode BOOKING = Json.tryParse("""
            {"version": "7.3", "data_api_version": "3.0",
             "routing_model": {"DAY": ["TIME"], "TIME": ["CONFIRM"], "CONFIRM": []},
             "screens": [
              {"id": "DAY", "data": {"customer": {"type": "string", "__example__": "Ana"}},
               "layout": {"type": "SingleColumnLayout", "children": [
                 {"type": "TextHeading", "text": "Hi ${data.customer}, which day?"},
                 {"type": "Form", "name": "form", "children": [
                   {"type": "Dropdown", "name": "day", "label": "Day", "required": true,
                    "data-source": [{"id": "mon", "title": "Monday"}, {"id": "tue", "title": "Tuesday"}]},
                   {"type": "Footer", "label": "Next", "on-click-action": {"name": "data_exchange",
                     "payload": {"day": "${form.day}", "customer": "${data.customer}"}}}]}]}},
              {"id": "TIME", "data": {"times": {"type": "array", "items": {"type": "object"}, "__example__": []},
                                      "customer": {"type": "string", "__example__": "Ana"}},
               "layout": {"type": "SingleColumnLayout", "children": [
                 {"type": "RadioButtonsGroup", "name": "time", "label": "Time", "data-source": "${data.times}"},
                 {"type": "Footer", "label": "Continue", "on-click-action": {"name": "navigate",
                   "next": {"type": "screen", "name": "CONFIRM"},
                   "payload": {"time": "${form.time}", "customer": "${data.customer}"}}}]}},
              {"id": "CONFIRM", "terminal": true,
               "data": {"time": {"type": "string", "__example__": "10:00"}, "customer": {"type": "string", "__example__": "Ana"}},
               "layout": {"type": "SingleColumnLayout", "children": [
                 {"type": "TextBody", "text": "`${data.customer}, ${screen.DAY.form.day} at ${data.time}?`"},
                 {"type": "Footer", "label": "Book", "on-click-action": {"name": "complete",
                   "payload": {"day": "${screen.DAY.form.day}", "time": "${data.time}"}}}]}}]}
            """).orElseThrow();

    /** The endpoint offers two times for the chosen day. */
    static JsonNode endpoint(JsonNode request) {
        ObjectNode answer = Json.object().put("version", "3.0").put("screen", "TIME");
        ObjectNode data = answer.putObject("data");
        data.putArray("times").addObject().put("id", "10:00").put("title", "10:00");
        data.set("customer", request.path("data").path("customer"));
        return answer;
    }

    @Test
    void aUserWalksTheFlowThroughTheEndpointToItsCompletion() {
        FlowRun run = FlowRun.of("booking", BOOKING)
                .endpoint(FlowRunTest::endpoint)
                .open("DAY", Map.of("customer", "Ana"))
                .expectText(Text.is("Hi Ana, which day?"))
                .fill("day", "mon")
                .tap("Next")
                .expectScreen("TIME")
                .fill("time", "10:00")
                .tap("Continue")
                .expectScreen("CONFIRM")
                .expectText(Text.is("Ana, mon at 10:00?"))
                .tap("Book")
                .expectCompleted(Map.of("day", "mon", "time", "10:00"));

        assertThat(run.visitedScreens()).containsExactlyInAnyOrder("DAY", "TIME", "CONFIRM");
        assertThat(run.takenActions()).containsExactlyInAnyOrder("DAY/Next", "TIME/Continue", "CONFIRM/Book");
    }

    @Test
    void aNavigationListItemIsTappedByItsTitleAndCountsAsATap() {
        JsonNode menu = Json.tryParse("""
                {"version": "7.3", "screens": [
                  {"id": "MENU", "layout": {"type": "SingleColumnLayout", "children": [
                    {"type": "NavigationList", "name": "place", "list-items": [
                      {"id": "center", "main-content": {"title": "City center"},
                       "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "DONE"},
                                           "payload": {"place": "center"}}}]}]}},
                  {"id": "DONE", "terminal": true, "data": {"place": {"type": "string", "__example__": "center"}},
                   "layout": {"type": "SingleColumnLayout", "children": [
                    {"type": "Footer", "label": "Close", "on-click-action": {"name": "complete",
                      "payload": {"place": "${data.place}"}}}]}}]}
                """).orElseThrow();

        FlowRun run = FlowRun.of("menu", menu)
                .open("MENU", Map.of())
                .tap("City center")
                .expectScreen("DONE")
                .tap("Close")
                .expectCompleted(Map.of("place", "center"));

        assertThat(run.takenActions()).containsExactlyInAnyOrder("MENU/City center", "DONE/Close");
        assertThat(FlowRun.taps(menu)).containsExactlyInAnyOrder("MENU/City center", "DONE/Close");
    }

    @Test
    void aRequiredInputLeftEmptyKeepsTheFooterFromBeingTapped() {
        FlowRun run =
                FlowRun.of("booking", BOOKING).endpoint(FlowRunTest::endpoint).open("DAY", Map.of("customer", "Bo"));

        assertThatThrownBy(() -> run.tap("Next"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("required input 'day' of screen 'DAY' is empty; fill it first")
                .hasMessageContaining("screen DAY with {\"customer\":\"Bo\"}");
    }

    @Test
    void mistakesInTheWalkNameWhatTheScreenHas() {
        FlowRun run = FlowRun.of("booking", BOOKING).open("DAY", Map.of("customer", "Ana"));

        assertThatThrownBy(() -> run.fill("dia", "mon"))
                .hasMessageStartingWith("screen 'DAY' has no input 'dia'; it has [day]");
        assertThatThrownBy(() -> run.tap("Siguiente"))
                .hasMessageStartingWith("screen 'DAY' has nothing to tap labelled 'Siguiente'; it has [Next]");
        run.fill("day", "tue");
        assertThatThrownBy(() -> run.tap("Next"))
                .hasMessageStartingWith("'Next' on screen 'DAY' asks the data endpoint (data_exchange); give the run"
                        + " one with endpoint(request -> answer)");
    }

    @Test
    void theEndpointCanCompleteTheFlowWithSuccess() {
        FlowRun run = FlowRun.of("booking", BOOKING)
                .endpoint(request -> Json.tryParse("""
                                {"screen": "SUCCESS", "data": {"extension_message_response": {"params":
                                  {"flow_token": "t", "booked": true}}}}
                                """).orElseThrow())
                .open("DAY", Map.of("customer", "Ana"))
                .fill("day", "mon")
                .tap("Next");

        run.expectCompleted(Map.of("flow_token", "t", "booked", true));
        assertThat(run.transcript()).contains("= completed by the endpoint");
    }
}
