package io.kapsocode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.json.YamlText;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.trigger.Trigger;
import io.kapsocode.yaml.FlowYaml;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a project in Kapso's CLI layout: {@code workflows/<slug>/workflow.yaml} and
 * {@code definition.json} in canonical form, {@code functions/<slug>/function.yaml} with its code, and
 * this tool's {@code flows/<name>/flow.yaml} with the Flow JSON. Pure: it returns the files' text by
 * path, and the caller writes them.
 */
public final class CliLayoutWriter {

    private CliLayoutWriter() {}

    /** Every file of the project, by path relative to the output folder, in a stable order. */
    public static Map<String, String> files(Project project) {
        Map<String, String> files = new LinkedHashMap<>();
        project.workflows().forEach(w -> files.putAll(workflowFiles(w)));
        project.functions().forEach(f -> files.putAll(functionFiles(f)));
        project.whatsappFlows().forEach(f -> files.putAll(flowFiles(f)));
        return files;
    }

    public static Map<String, String> workflowFiles(Workflow workflow) {
        CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
        String folder = "workflows/" + workflow.slug() + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(folder + "workflow.yaml", workflowYaml(workflow));
        files.put(folder + "definition.json", compiled.definitionJson());
        return files;
    }

    /** The {@code workflow.yaml} text: the CLI's keys, plus description and settings when set. */
    public static String workflowYaml(Workflow workflow) {
        ObjectNode yaml = Json.object();
        yaml.put("definition", "definition.json");
        if (workflow.name() != null) {
            yaml.put("name", workflow.name());
        }
        yaml.put("slug", workflow.slug());
        yaml.put("status", workflow.effectiveStatus().wire());
        if (workflow.description() != null) {
            yaml.put("description", workflow.description());
        }
        yaml.setAll(RecordCodec.write(workflow.settings()));
        ArrayNode triggers = yaml.putArray("triggers");
        for (Trigger trigger : workflow.triggers()) {
            triggers.add(CliTrigger.toCliForm(trigger));
        }
        return YamlText.write(yaml);
    }

    public static Map<String, String> functionFiles(FunctionDefinition function) {
        String folder = "functions/" + function.slug() + "/";
        String codeFile = function.codeFile() != null ? function.codeFile() : "index.js";
        FunctionYaml yaml = new FunctionYaml(
                function.slug(),
                function.name(),
                codeFile,
                function.functionType(),
                function.invokeResponseMode(),
                function.publicEndpoint(),
                function.runtimeConfig(),
                function.description(),
                function.secretNames());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(folder + "function.yaml", YamlText.write(RecordCodec.write(yaml)));
        if (function.code() != null) {
            files.put(folder + codeFile, function.code());
        }
        return files;
    }

    public static Map<String, String> flowFiles(WhatsappFlow flow) {
        String folder = "flows/" + flow.name() + "/";
        String jsonFile = flow.flowJsonFile() != null ? flow.flowJsonFile() : "flow.json";
        ObjectNode yaml = RecordCodec.write(
                new FlowYaml(flow.name(), jsonFile, flow.phoneNumberId(), flow.publish(), flow.dataEndpointFunction()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(folder + "flow.yaml", YamlText.write(yaml));
        if (flow.flowJson() != null) {
            files.put(folder + jsonFile, CanonicalJson.write(flow.flowJson()));
        }
        return files;
    }
}
