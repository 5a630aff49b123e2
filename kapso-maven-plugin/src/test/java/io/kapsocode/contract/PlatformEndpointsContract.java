package io.kapsocode.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Schema checks of our own for the endpoints the copied OpenAPI spec does not cover (WhatsApp flows,
 * phone numbers, provider models), written from the contract's facts in
 * {@code src/test/resources/contract/platform-endpoints.schema.json}.
 */
final class PlatformEndpointsContract {

    private record Rule(String method, Pattern path, String request, int status, String response) {}

    private static final List<Rule> RULES = List.of(
            new Rule("POST", Pattern.compile("^/whatsapp/flows$"), "FlowCreateRequest", 201, "FlowResponse"),
            new Rule("GET", Pattern.compile("^/whatsapp/flows$"), null, 200, "FlowPage"),
            new Rule("GET", Pattern.compile("^/whatsapp/flows/[^/]+$"), null, 200, "FlowResponse"),
            new Rule(
                    "POST",
                    Pattern.compile("^/whatsapp/flows/[^/]+/versions$"),
                    "FlowVersionCreateRequest",
                    201,
                    "FlowVersionResponse"),
            new Rule("GET", Pattern.compile("^/whatsapp/flows/[^/]+/versions$"), null, 200, "FlowVersionPage"),
            new Rule(
                    "GET", Pattern.compile("^/whatsapp/flows/[^/]+/versions/[^/]+$"), null, 200, "FlowVersionResponse"),
            new Rule(
                    "POST",
                    Pattern.compile("^/whatsapp/flows/[^/]+/publish$"),
                    "FlowPublishRequest",
                    200,
                    "FlowResponse"),
            new Rule("GET", Pattern.compile("^/whatsapp/phone_numbers$"), null, 200, "Page"),
            new Rule("GET", Pattern.compile("^/provider_models$"), null, 200, "ProviderModelList"));

    private final JsonNode document;

    PlatformEndpointsContract() {
        try (InputStream in = getClass().getResourceAsStream("/contract/platform-endpoints.schema.json")) {
            document = Json.tryParse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean covers(String method, String path) {
        return rule(method, path).isPresent();
    }

    /** Problems of one exchange; error statuses (4xx) are checked only for an {@code error} message. */
    List<String> check(String method, String path, JsonNode request, int status, JsonNode response) {
        Rule rule = rule(method, path).orElseThrow();
        List<String> problems = new ArrayList<>();
        String where = method + " " + path;
        if (rule.request() != null && request != null) {
            problems.addAll(validate(rule.request(), request, where + " request"));
        }
        if (status == rule.status()) {
            problems.addAll(validate(rule.response(), response, where + " -> " + status));
        } else if (status >= 400 && (response == null || !response.path("error").isTextual())) {
            problems.add(where + " -> " + status + ": an error answer needs an 'error' message");
        } else if (status < 400) {
            problems.add(where + " -> " + status + ": expected " + rule.status());
        }
        return problems;
    }

    List<String> validate(String definition, JsonNode value, String where) {
        ObjectNode root = document.deepCopy();
        root.put("$ref", "#/$defs/" + definition);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root)
                .validate(value == null ? Json.object() : value)) {
            problems.add(where + ": " + message.getMessage());
        }
        return problems;
    }

    private static Optional<Rule> rule(String method, String path) {
        return RULES.stream()
                .filter(r -> r.method().equals(method) && r.path().matcher(path).matches())
                .findFirst();
    }
}
