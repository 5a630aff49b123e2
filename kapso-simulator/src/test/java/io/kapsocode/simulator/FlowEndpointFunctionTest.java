package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flow walked through its own data endpoint: the project's function, its JavaScript run with GraalJS,
 * called with Kapso's request, answering the screen to show or {@code SUCCESS}.
 */
class FlowEndpointFunctionTest {

    /** Offers the times of the chosen day (the flow's only data exchange). */
    static final String ENDPOINT = """
            async function handler(request, env) {
              const body = await request.json();
              if (body.source !== 'whatsapp_flow') throw new Error('not a flow request');
              const exchange = body.data_exchange;
              if (exchange.screen === 'DAY') {
                const times = exchange.data.day === 'mon' ? ['09:00', '10:00'] : ['15:00'];
                return Response.json({ version: '3.0', screen: 'TIME',
                  data: { times: times.map(t => ({ id: t, title: t })), customer: exchange.data.customer } });
              }
              throw new Error('unexpected screen ' + exchange.screen);
            }
            """;

    static Project project(String code) {
        return new Project(
                List.of(),
                List.of(Kapso.function("booking-endpoint")
                        .name("Booking endpoint")
                        .code(code)
                        .build()),
                List.of(Kapso.whatsappFlow("booking")
                        .phoneNumberId("111")
                        .dataEndpointFunction("booking-endpoint")
                        .flowJson(FlowRunTest.BOOKING)
                        .build()));
    }

    @Test
    void theFlowsOwnFunctionAnswersEachExchangeAndCompletesIt() {
        Project project = project(ENDPOINT);
        try (JavaScriptFunctions functions = new JavaScriptFunctions(project, Map.of(), Duration.ofSeconds(10))) {
            FlowRun run = FlowRun.of(project, "booking")
                    .endpointFunction(functions)
                    .open("DAY", Map.of("customer", "Ana"))
                    .fill("day", "mon")
                    .tap("Next")
                    .expectScreen("TIME")
                    .fill("time", "10:00")
                    .tap("Continue")
                    .tap("Book")
                    .expectCompleted(Map.of("day", "mon", "time", "10:00"));

            assertThat(run.transcript()).contains("data_exchange").contains("\"09:00\"");
        }
    }

    @Test
    void aFailingEndpointFailsTheRunSayingWhy() {
        Project project = project("async function handler() { throw new Error('calendar is down'); }");
        try (JavaScriptFunctions functions = new JavaScriptFunctions(project, Map.of(), Duration.ofSeconds(10))) {
            FlowRun run = FlowRun.of(project, "booking")
                    .endpointFunction(functions)
                    .open("DAY", Map.of("customer", "Ana"))
                    .fill("day", "tue");

            assertThatThrownBy(() -> run.tap("Next"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the data endpoint failed: function 'booking-endpoint' threw: Error:"
                            + " calendar is down");
        }
    }
}
