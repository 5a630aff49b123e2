package io.kapsocode.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.cli.FunctionYaml;
import io.kapsocode.codec.FieldShape;
import io.kapsocode.codec.NodeTypes;
import io.kapsocode.codec.RecordShape;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.model.Position;
import io.kapsocode.model.WireValue;
import io.kapsocode.model.WorkflowSettings;
import io.kapsocode.model.WorkflowStatus;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.StartConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the JSON Schemas of this tool's YAML files from the model records, so that editors
 * autocomplete keys and flag mistakes with the same rules the reader applies. The schemas are
 * committed under {@code src/main/resources/schema/}; a test keeps them in step with the model.
 */
public final class SchemaGenerator {

    /** Where the schemas are published, relative to the classpath and the source tree. */
    public static final String FOLDER = "schema/";

    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    private static final String NODE_ID = "^[A-Za-z][A-Za-z0-9_-]*$";

    private SchemaGenerator() {}

    /** File name to schema text. */
    public static Map<String, String> schemas() {
        return Map.of(
                "kapso-workflow.schema.json", CanonicalJson.write(workflow()),
                "kapso-function.schema.json", CanonicalJson.write(function()),
                "kapso-flow.schema.json", CanonicalJson.write(flow()));
    }

    static ObjectNode workflow() {
        ObjectNode schema = header("kapso-workflow", "A Kapso workflow: metadata, triggers and nodes keyed by id");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("$schema").put("type", "string");
        properties.set(
                "slug",
                string("The workflow's slug: kebab-case, the key that matches it in Kapso")
                        .put("pattern", "^[a-z0-9]+(?:-[a-z0-9]+)*$"));
        properties.set("name", string("Display name"));
        properties.set("description", string("What the workflow does"));
        properties.set("status", type(WorkflowStatus.class, false));
        properties.set("settings", record(WorkflowSettings.class, List.of()));
        ObjectNode triggers = properties.putObject("triggers");
        triggers.put("type", "array").put("description", "What starts the workflow");
        ArrayNode oneOf = triggers.putObject("items").putArray("oneOf");
        NodeTypes.triggerTypeNames().forEach(name -> {
            ObjectNode trigger = record(NodeTypes.trigger(name).orElseThrow(), List.of("type"));
            ((ObjectNode) trigger.get("properties")).putObject("type").put("const", name);
            ((ArrayNode) trigger.withArray("required")).insert(0, "type");
            oneOf.add(trigger);
        });
        ObjectNode nodes = properties.putObject("nodes");
        nodes.put("type", "object").put("description", "The nodes, keyed by id; 'start' is where executions begin");
        nodes.putObject("propertyNames").put("pattern", NODE_ID);
        nodes.putObject("additionalProperties").put("$ref", "#/$defs/node");
        ObjectNode edges = properties.putObject("edges");
        edges.put("type", "array").put("description", "Extra edges, for graphs easier to write as a list");
        edges.set("items", record(WorkflowYamlReader.YamlEdge.class, List.of()));
        schema.putArray("required").add("slug").add("name").add("nodes");
        schema.put("additionalProperties", false);

        ObjectNode defs = schema.putObject("$defs");
        ObjectNode node = defs.putObject("node");
        node.put("type", "object");
        ArrayNode byType = node.putArray("allOf");
        List<String> typeNames = new ArrayList<>(NodeTypes.nodeTypeNames());
        typeNames.add(WorkflowYamlReader.RAW);
        node.putObject("properties").putObject("type").set("enum", strings(typeNames));
        for (String name : typeNames) {
            ObjectNode variant = nodeVariant(name);
            defs.set(name, variant);
            ObjectNode when = byType.addObject();
            ObjectNode condition = Json.object();
            condition.putObject("properties").putObject("type").put("const", name);
            condition.putArray("required").add("type");
            when.set("if", condition);
            when.putObject("then").put("$ref", "#/$defs/" + name);
        }
        return schema;
    }

    private static ObjectNode nodeVariant(String type) {
        ObjectNode variant;
        if (WorkflowYamlReader.RAW.equals(type)) {
            variant = Json.object().put("type", "object");
            ObjectNode properties = variant.putObject("properties");
            properties.set("node_type", string("The Kapso node type passed through"));
            properties.set("config", Json.object().put("type", "object"));
            variant.putArray("required").add("node_type");
        } else {
            variant = record(NodeTypes.config(type).orElseThrow(), List.of());
        }
        ObjectNode properties = (ObjectNode) variant.get("properties");
        properties.putObject("type").put("const", type);
        properties.set("display_name", string("Label shown on the canvas"));
        properties.set("position", record(Position.class, List.of()));
        properties.set("raw_config", Json.object().put("type", "object").put("description", "Keys merged into config"));
        ObjectNode suppress = properties.putObject("suppress");
        suppress.put("type", "object").put("description", "Validation rules silenced for this node: code: reason");
        suppress.putObject("additionalProperties").put("type", "string").put("minLength", 1);
        if (type.equals(DecideConfig.TYPE)) {
            ObjectNode branches = properties.putObject("branches");
            branches.put("type", "object").put("description", "label: target node, or {next, description}");
            ArrayNode either = branches.putObject("additionalProperties").putArray("oneOf");
            either.add(Json.object().put("type", "string").put("pattern", NODE_ID));
            either.add(record(YamlBranch.class, List.of()));
            // the YAML writes branches; Kapso's own conditions list stays possible
            variant.remove("required");
            variant.putArray("anyOf")
                    .add(Json.object().set("required", strings(List.of("branches"))))
                    .add(Json.object().set("required", strings(List.of("conditions"))));
        } else {
            properties.set("next", string("The node that follows").put("pattern", NODE_ID));
        }
        if (type.equals(StartConfig.TYPE)) {
            variant.remove("required");
        }
        return variant;
    }

    static ObjectNode function() {
        ObjectNode schema = header("kapso-function", "A Kapso function: settings beside its code");
        merge(schema, record(FunctionYaml.class, List.of()));
        schema.withArray("required").removeAll();
        schema.withArray("required").add("slug").add("name");
        return schema;
    }

    static ObjectNode flow() {
        ObjectNode schema = header("kapso-flow", "A WhatsApp Flow: settings beside its Flow JSON");
        merge(schema, record(FlowYaml.class, List.of()));
        schema.withArray("required").removeAll();
        schema.withArray("required").add("name").add("phone_number_id");
        return schema;
    }

    private static void merge(ObjectNode schema, ObjectNode record) {
        record.properties().forEach(e -> schema.set(e.getKey(), e.getValue()));
    }

    private static ObjectNode header(String id, String title) {
        ObjectNode schema = Json.object();
        schema.put("$schema", DRAFT);
        schema.put("$id", "https://kapsocode.io/schema/" + id + ".schema.json");
        schema.put("title", title);
        schema.put("type", "object");
        return schema;
    }

    /** A closed object schema for a record: its snake_case keys, their types, its required keys. */
    static ObjectNode record(Class<?> type, List<String> skip) {
        RecordShape shape = RecordShape.of(type);
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.array();
        for (FieldShape field : shape.fields().values()) {
            if (skip.contains(field.wireName())) {
                continue;
            }
            properties.set(field.wireName(), type(field.genericType(), field.jsonStringAccepted()));
            if (field.required()) {
                required.add(field.wireName());
            }
        }
        for (String readOnly : shape.readOnlyKeys()) {
            properties.putObject(readOnly).put("description", "Returned by Kapso; ignored when read");
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode type(Type type, boolean jsonString) {
        if (type instanceof ParameterizedType parameterized) {
            ObjectNode array = Json.object().put("type", "array");
            array.set("items", type(parameterized.getActualTypeArguments()[0], false));
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return Json.object().put("type", "string");
        }
        if (raw == Integer.class || raw == int.class) {
            return Json.object().put("type", "integer");
        }
        if (raw == Double.class || raw == double.class) {
            return Json.object().put("type", "number");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Json.object().put("type", "boolean");
        }
        if (raw.isEnum() && WireValue.class.isAssignableFrom(raw)) {
            return (ObjectNode) Json.object().set("enum", strings(WireValue.spellings(raw)));
        }
        if (raw.isRecord()) {
            return record(raw, List.of());
        }
        if (raw == ObjectNode.class || jsonString) {
            ObjectNode object = Json.object();
            if (jsonString) {
                object.set("type", strings(List.of("object", "array", "string")));
            } else {
                object.put("type", "object");
            }
            return object;
        }
        return Json.object(); // any JSON value
    }

    private static ObjectNode string(String description) {
        return Json.object().put("type", "string").put("description", description);
    }

    private static JsonNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }
}
