package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A WhatsApp Flow's Meta Flow JSON written in Java: screens with typed components and actions, the
 * routing model, the data API version. It compiles to the same Flow JSON a {@code flow.json} holds, and
 * is validated by the same rules (docs/flow-json-rules.md).
 *
 * <pre>{@code
 * Kapso.whatsappFlow("signup")
 *         .phoneNumberId("1145171692021464")
 *         .flowJson(Kapso.flowJson("7.3")
 *                 .screen("WELCOME", s -> s.title("Sign up").terminal()
 *                         .textInput("full_name", "Full name", true)
 *                         .footer("Done", ScreenAction.complete(Map.of("full_name", ScreenAction.form("full_name")))))
 *                 .build())
 *         .build();
 * }</pre>
 */
public final class FlowJsonBuilder {

    private final String version;
    private String dataApiVersion;
    private final List<FlowScreenSpec> screens = new ArrayList<>();
    private final Map<String, List<String>> routes = new LinkedHashMap<>();

    FlowJsonBuilder(String version) {
        this.version = version;
    }

    /** A screen; the first one is where the flow opens. */
    public FlowJsonBuilder screen(String id, Consumer<FlowScreenSpec> spec) {
        FlowScreenSpec screen = new FlowScreenSpec(id);
        spec.accept(screen);
        screens.add(screen);
        return this;
    }

    /** The flow has a data endpoint speaking this data API version (such as 3.0); it then needs routes. */
    public FlowJsonBuilder dataApiVersion(String dataApiVersion) {
        this.dataApiVersion = dataApiVersion;
        return this;
    }

    /** A route of the routing model: from {@code screen}, the endpoint may open {@code next}. */
    public FlowJsonBuilder route(String screen, String... next) {
        routes.computeIfAbsent(screen, k -> new ArrayList<>()).addAll(List.of(next));
        return this;
    }

    /** The Flow JSON. */
    public JsonNode build() {
        ObjectNode json = Json.object().put("version", version);
        if (dataApiVersion != null) {
            json.put("data_api_version", dataApiVersion);
        }
        if (!routes.isEmpty()) {
            ObjectNode routing = json.putObject("routing_model");
            screens.forEach(s -> routing.putArray(s.json.path("id").asText()));
            routes.forEach((from, to) -> {
                ArrayNode targets = routing.has(from) ? (ArrayNode) routing.get(from) : routing.putArray(from);
                to.forEach(targets::add);
            });
        }
        ArrayNode list = json.putArray("screens");
        screens.forEach(s -> list.add(s.json.deepCopy()));
        return json;
    }
}
