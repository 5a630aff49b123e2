package io.kapsocode.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A function's own index.js decides a branch, calling a stubbed API through fetch; its failures are named. */
class JavaScriptFunctionsTest {

    HttpServer shop;
    final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void startShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/orders/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String number = exchange.getRequestURI().getPath().substring("/orders/".length());
            byte[] body = (number.equals("A-17") ? "{\"status\":\"shipped\"}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(number.equals("A-17") ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.stop(0);
    }

    static final Workflow ORDERS = Kapso.workflow("orders")
            .onApiCall()
            .start()
            .decide(
                    "lookup",
                    d -> d.function("lookup-order")
                            .when("found")
                            .goTo("status")
                            .when("missing")
                            .goTo("sorry"))
            .sendText("status", "Your order is {{vars.status}}.")
            .end()
            .sendText("sorry", "No such order.")
            .build();

    Project project(String code) {
        FunctionDefinition function =
                Kapso.function("lookup-order").name("Lookup order").code(code).build();
        return new Project(List.of(ORDERS), List.of(function), List.of());
    }

    String lookupCode() {
        return """
                async function handler(request, env) {
                  const { execution_context, available_edges } = await request.json();
                  const number = execution_context.vars.order_number;
                  const answer = await fetch('http://127.0.0.1:%d/orders/' + number,
                      { headers: { Authorization: 'Bearer ' + env.SHOP_TOKEN } });
                  if (!answer.ok) {
                    return new Response(JSON.stringify({ next_edge: available_edges[1] }));
                  }
                  const order = await answer.json();
                  return new Response(JSON.stringify({ next_edge: 'found', vars: { status: order.status } }),
                      { headers: { 'Content-Type': 'application/json' } });
                }
                """.formatted(shop.getAddress().getPort());
    }

    Conversation conversation(String code, String number) {
        Project project = project(code);
        return Conversation.of(project, "orders")
                .functionCode(new JavaScriptFunctions(project, Map.of("SHOP_TOKEN", "s3cret"), Duration.ofSeconds(5)))
                .startedByApi(Map.of("order_number", number), Map.of());
    }

    @Test
    void theRealCodeDecidesTheBranchThroughAStubbedApi() {
        conversation(lookupCode(), "A-17").expectText("Your order is shipped.").expectEnded();
        assertThat(authorization.get()).isEqualTo("Bearer s3cret");

        conversation(lookupCode(), "Z-0").expectText("No such order.").expectEnded();
    }

    @Test
    void aFunctionThatThrowsFailsNamingTheFunctionAndTheNode() {
        conversation("async function handler(request, env) { throw new Error('shop is down'); }", "A-17")
                .expectFailed("node 'lookup': function 'lookup-order' failed: function 'lookup-order' threw: Error:"
                        + " shop is down");
    }

    @Test
    void aFunctionThatRunsForeverIsStoppedAtItsTimeLimit() {
        Project project = project("async function handler(request, env) { while (true) {} }");
        Conversation.of(project, "orders")
                .functionCode(new JavaScriptFunctions(project, Map.of(), Duration.ofMillis(500)))
                .startedByApi(Map.of(), Map.of())
                .expectFailed("function 'lookup-order' ran longer than 500 ms");
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailure() {
        conversation("async function handler() { return new Response('<html>oops</html>'); }", "A-17")
                .expectFailed("function 'lookup-order' answered something that is not JSON: <html>oops</html>");
    }

    @Test
    void theRequestCarriesWhatKapsoSends() {
        AtomicReference<String> seen = new AtomicReference<>();
        Project project = project("async function handler(request) { return new Response(await request.text()); }");
        JavaScriptFunctions functions = new JavaScriptFunctions(project, Map.of(), Duration.ofSeconds(5));
        FunctionAnswer answer = functions.run("lookup-order", (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.valueOf(Map.of("available_edges", List.of("a"))));
        seen.set(Json.compact(answer.body()));

        assertThat(seen.get()).isEqualTo("{\"available_edges\":[\"a\"]}");
    }
}
