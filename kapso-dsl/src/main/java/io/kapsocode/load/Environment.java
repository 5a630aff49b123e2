package io.kapsocode.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.json.Json;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.json.YamlText;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.yaml.WorkflowYamlReader;
import io.kapsocode.yaml.WorkflowYamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source tree, several Kapso projects: sources write {@code ${kapso:NAME}} where a value differs per
 * environment (a phone number id, a template id, a function setting), and
 * {@code environments/<name>.yaml} gives the values:
 *
 * <pre>{@code
 * values:
 *   support_number: "1145171692021464"
 * }</pre>
 *
 * The values go into every text of workflows (triggers, node configs, metadata), function
 * {@code runtime_config} and WhatsApp flows (phone number, Flow JSON). A name without a value is an
 * error, as is a placeholder when no environment is chosen.
 *
 * @param name the environment's name, as {@code -Dkapso.environment} gives it
 * @param values name to value
 * @param file the overlay file, for diagnostics
 */
public record Environment(String name, Map<String, String> values, String file) {

    /** {@code ${kapso:NAME}}; Kapso's own {@code ${ENV:NAME}} and {@code {{vars.x}}} are left alone. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{kapso:([A-Za-z0-9_.-]+)\\}");

    /** No environment: any placeholder in the sources is an error. */
    public static final Environment NONE = new Environment(null, Map.of(), null);

    public Environment {
        values = Map.copyOf(values);
    }

    /** Reads {@code environments/<name>.yaml}; empty (with a diagnostic) when it is missing or malformed. */
    public static Optional<Environment> read(
            Path sourceDirectory, Path displayBase, String name, Diagnostics diagnostics) {
        Path file = sourceDirectory.resolve("environments").resolve(name + ".yaml");
        String shown = displayBase.relativize(file.toAbsolutePath().normalize()).toString();
        if (!Files.isRegularFile(file)) {
            diagnostics.error(
                    "unknown_environment",
                    "environment '" + name + "' has no file " + shown + "; create it with a 'values:' mapping",
                    "",
                    "",
                    SourceLocation.ofFile(shown));
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(
                    "unreadable_file",
                    "cannot read " + shown + ": " + e.getMessage(),
                    "",
                    "",
                    SourceLocation.ofFile(shown));
            return Optional.empty();
        }
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                shown, text, SourceFormat.YAML, "an environment file must be a mapping with 'values'", diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = parsed.get().root();
        Map<String, String> values = new LinkedHashMap<>();
        root.fieldNames().forEachRemaining(key -> {
            if (!key.equals("values")) {
                diagnostics.error(
                        "unknown_key",
                        "unknown key '" + key + "' in " + shown + "; it holds only 'values'",
                        "environment '" + name + "'",
                        key,
                        parsed.get().keyAt("/" + key));
            }
        });
        JsonNode items = root.path("values");
        if (!items.isObject()) {
            diagnostics.error(
                    "wrong_type",
                    "'values' must be a mapping of name to value",
                    "environment '" + name + "'",
                    "values",
                    parsed.get().at("/values"));
            return Optional.empty();
        }
        items.properties().forEach(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                values.put(entry.getKey(), entry.getValue().asText());
            } else {
                diagnostics.error(
                        "wrong_type",
                        "value '" + entry.getKey() + "' must be a text or a number",
                        "environment '" + name + "'",
                        "values." + entry.getKey(),
                        parsed.get().at("/values/" + SourceDocument.escape(entry.getKey())));
            }
        });
        return Optional.of(new Environment(name, values, shown));
    }

    /** The project with every placeholder replaced; each unknown name is reported where it is used. */
    public Project apply(Project project, Diagnostics diagnostics) {
        List<Workflow> workflows = new ArrayList<>();
        for (Workflow workflow : project.workflows()) {
            workflows.add(workflow(workflow, diagnostics));
        }
        List<FunctionDefinition> functions = new ArrayList<>();
        for (FunctionDefinition f : project.functions()) {
            SourceLocation at = f.sourceMap().locate("runtime_config").orElse(null);
            JsonNode runtime =
                    f.runtimeConfig() == null ? null : substitute(f.runtimeConfig(), f.subject(), at, diagnostics);
            functions.add(new FunctionDefinition(
                    f.slug(),
                    f.name(),
                    f.description(),
                    f.codeFile(),
                    f.code(),
                    f.functionType(),
                    f.invokeResponseMode(),
                    f.publicEndpoint(),
                    runtime,
                    f.secretNames(),
                    f.sourceMap()));
        }
        List<WhatsappFlow> flows = new ArrayList<>();
        for (WhatsappFlow f : project.whatsappFlows()) {
            SourceLocation at = f.sourceMap().locate("").orElse(null);
            flows.add(new WhatsappFlow(
                    f.name(),
                    f.flowJsonFile(),
                    f.flowJson() == null ? null : substitute(f.flowJson(), f.subject(), at, diagnostics),
                    f.phoneNumberId() == null ? null : text(f.phoneNumberId(), f.subject(), at, diagnostics),
                    f.publish(),
                    f.dataEndpointFunction(),
                    f.sourceMap()));
        }
        return new Project(workflows, functions, flows);
    }

    private Workflow workflow(Workflow workflow, Diagnostics diagnostics) {
        String yaml = WorkflowYamlWriter.write(workflow);
        if (!PLACEHOLDER.matcher(yaml).find()) {
            return workflow;
        }
        JsonNode tree = SourceDocument.parse("pulled.yaml", yaml, SourceFormat.YAML, new Diagnostics())
                .orElseThrow()
                .root();
        JsonNode substituted = substitute(
                tree, workflow.subject(), workflow.sourceMap().locate("").orElse(null), diagnostics);
        Workflow read = WorkflowYamlReader.read(
                        workflow.sourceMap().file().orElse(workflow.slug()),
                        YamlText.writeInOrder(substituted),
                        diagnostics)
                .orElse(workflow);
        // the sources' own locations, so diagnostics point at the file the author wrote
        return new Workflow(
                read.slug(),
                read.name(),
                read.description(),
                read.status(),
                read.settings(),
                read.triggers(),
                read.nodes(),
                read.edges(),
                workflow.sourceMap());
    }

    private JsonNode substitute(JsonNode value, String subject, SourceLocation at, Diagnostics diagnostics) {
        if (value.isTextual()) {
            return Json.text(text(value.textValue(), subject, at, diagnostics));
        }
        if (value.isObject()) {
            ObjectNode out = Json.object();
            value.properties().forEach(f -> out.set(f.getKey(), substitute(f.getValue(), subject, at, diagnostics)));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            value.forEach(item -> out.add(substitute(item, subject, at, diagnostics)));
            return out;
        }
        return value;
    }

    private String text(String text, String subject, SourceLocation at, Diagnostics diagnostics) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String replacement = values.get(key);
            if (replacement == null) {
                String fix = name == null
                        ? "choose an environment with -Dkapso.environment=<name> (its values are in environments/<name>.yaml)"
                        : "add it under 'values' in " + file + Suggestions.didYouMean(key, values.keySet());
                diagnostics.error(
                        "unknown_environment_value",
                        subject + " uses ${kapso:" + key + "}, which "
                                + (name == null ? "needs an environment" : "environment '" + name + "' does not define")
                                + "; " + fix,
                        subject,
                        "",
                        at);
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
