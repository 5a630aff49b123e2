package io.kapsocode.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kapso's published OpenAPI document (read from {@code ../shared/kapso-api/}, never copied into the
 * project) as a checker: which operation a request is, and whether its body conforms to the
 * operation's request schema, JSON Schema 2020-12 as OpenAPI 3.1 defines it.
 */
public final class OpenApiContract {

    /** Where the shared specs live; {@code -Dcontract.spec.dir=...} overrides. */
    public static final Path DIRECTORY = Path.of(System.getProperty(
            "contract.spec.dir", Path.of("..", "..", "shared", "kapso-api").toString()));

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode spec;
    private final String basePath;

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        this.basePath = "/platform/v1";
    }

    public static Optional<OpenApiContract> workflowsSpec() {
        Path file = DIRECTORY.resolve("openapi-workflows.yaml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OpenApiContract(new YAMLMapper().readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation's path template ("/workflows/{workflow_id}") for a request path, if the spec has it. */
    public Optional<String> template(String method, String requestPath) {
        String path = requestPath.startsWith(basePath) ? requestPath.substring(basePath.length()) : requestPath;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Pattern pattern = Pattern.compile("^" + entry.getKey().replaceAll("\\{[^}]+}", "[^/]+") + "$");
            if (pattern.matcher(path).matches() && entry.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Problems of a request: an operation the spec lacks, a body where it defines none, or a body that
     * does not conform to its request schema. Empty when the request conforms.
     */
    public List<String> checkRequest(String method, String requestPath, JsonNode body) {
        Optional<String> template = template(method, requestPath);
        if (template.isEmpty()) {
            return List.of(method + " " + requestPath + " is not an operation of the spec");
        }
        JsonNode operation = spec.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        String where = method + " " + template.get();
        if (schema.isMissingNode()) {
            return body == null ? List.of() : List.of(where + " takes no body, but one was sent: " + body);
        }
        if (body == null) {
            return operation.path("requestBody").path("required").asBoolean(false)
                    ? List.of(where + " requires a body")
                    : List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema(schema).validate(body)) {
            problems.add(where + ": " + message.getMessage());
        }
        return problems;
    }

    /**
     * Problems of a response: a status the operation does not declare, or a body that does not conform
     * to the declared schema. Operations the spec lacks are not checked here.
     */
    public List<String> checkResponse(String method, String requestPath, int status, JsonNode body) {
        Optional<String> template = template(method, requestPath);
        if (template.isEmpty()) {
            return List.of();
        }
        String where = method + " " + template.get() + " -> " + status;
        JsonNode responses = spec.path("paths")
                .path(template.get())
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses");
        JsonNode response = responses.has(String.valueOf(status))
                ? responses.get(String.valueOf(status))
                : responses.path("default");
        if (response.isMissingNode()) {
            return List.of(where + ": the spec declares no such status for this operation");
        }
        response = resolve(response);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return body == null ? List.of() : List.of(where + ": the spec declares no body, but one was sent");
        }
        if (body == null) {
            return List.of(where + ": a body was expected");
        }
        return schema(schema).validate(body).stream()
                .map(m -> where + ": " + m.getMessage())
                .toList();
    }

    /** Follows a {@code $ref} to {@code #/components/...}. */
    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            return spec.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** Validates any value against a named component schema, such as {@code Workflow}. */
    public List<String> checkComponent(String name, JsonNode value) {
        ObjectNode reference = new YAMLMapper().createObjectNode().put("$ref", "#/components/schemas/" + name);
        return schema(reference).validate(value).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private JsonSchema schema(JsonNode schema) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        // the operation's schema refers to '#/components/...': give it the spec's components as siblings
        root.set("components", spec.path("components"));
        return FACTORY.getSchema(root);
    }
}
