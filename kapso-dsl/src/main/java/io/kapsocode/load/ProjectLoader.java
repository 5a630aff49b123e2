package io.kapsocode.load;

import io.kapsocode.cli.CliWorkflowReader;
import io.kapsocode.cli.FunctionYamlReader;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.yaml.FlowYamlReader;
import io.kapsocode.yaml.WorkflowYamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a source folder in any mix of the three formats and joins it with what Java code declares:
 *
 * <ul>
 *   <li>{@code workflows/<file>.yaml}: this tool's workflow YAML;
 *   <li>{@code workflows/<slug>/workflow.yaml} + {@code definition.json}: Kapso's CLI layout;
 *   <li>{@code functions/<slug>/function.yaml} + code: functions (both layouts);
 *   <li>{@code flows/<name>/flow.yaml} + Flow JSON: WhatsApp Flows.
 * </ul>
 *
 * <p>Every problem of every file is collected; nothing stops at the first.
 */
public final class ProjectLoader {

    private static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    private final Path sourceDirectory;
    private final Path displayBase;

    /**
     * @param sourceDirectory the folder holding {@code workflows/}, {@code functions/} and {@code flows/}
     * @param displayBase file names in diagnostics are shown relative to it (usually the project folder)
     */
    public ProjectLoader(Path sourceDirectory, Path displayBase) {
        this.sourceDirectory = sourceDirectory.toAbsolutePath().normalize();
        this.displayBase = displayBase.toAbsolutePath().normalize();
    }

    /** Reads the folder alone. */
    public LoadedProject load() {
        return load(new Project(List.of(), List.of(), List.of()));
    }

    /**
     * Reads the folder and adds what Java code declares; function code and Flow JSON that Java code
     * names by file are read relative to the folder.
     */
    public LoadedProject load(Project fromJava) {
        Diagnostics diagnostics = new Diagnostics();
        List<Workflow> workflows = new ArrayList<>(fromJava.workflows());
        List<FunctionDefinition> functions = new ArrayList<>();
        List<WhatsappFlow> flows = new ArrayList<>();
        fromJava.functions().forEach(f -> functions.add(withCode(f, diagnostics)));
        fromJava.whatsappFlows().forEach(f -> flows.add(withFlowJson(f, diagnostics)));

        Path workflowDir = sourceDirectory.resolve("workflows");
        for (Path file : list(workflowDir, diagnostics)) {
            String name = file.getFileName().toString();
            if (Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                read(file, diagnostics)
                        .flatMap(text -> WorkflowYamlReader.read(display(file), text, diagnostics))
                        .ifPresent(workflows::add);
            } else if (Files.isDirectory(file)) {
                readCliWorkflow(file, diagnostics).ifPresent(workflows::add);
            }
        }
        for (Path folder : list(sourceDirectory.resolve("functions"), diagnostics)) {
            Path yaml = folder.resolve("function.yaml");
            if (Files.isRegularFile(yaml)) {
                read(yaml, diagnostics)
                        .flatMap(text -> FunctionYamlReader.read(display(yaml), text, diagnostics))
                        .map(f -> withCode(f, diagnostics))
                        .ifPresent(functions::add);
            }
        }
        for (Path folder : list(sourceDirectory.resolve("flows"), diagnostics)) {
            Path yaml = folder.resolve("flow.yaml");
            if (Files.isRegularFile(yaml)) {
                read(yaml, diagnostics)
                        .flatMap(text -> FlowYamlReader.read(display(yaml), text, diagnostics))
                        .map(f -> withFlowJson(f, diagnostics))
                        .ifPresent(flows::add);
            }
        }
        reportDuplicates(workflows, Workflow::slug, Workflow::sourceMap, "workflow slug", diagnostics);
        reportDuplicates(
                functions, FunctionDefinition::slug, FunctionDefinition::sourceMap, "function slug", diagnostics);
        reportDuplicates(flows, WhatsappFlow::name, WhatsappFlow::sourceMap, "WhatsApp flow name", diagnostics);
        return new LoadedProject(new Project(workflows, functions, flows), diagnostics.sorted());
    }

    private Optional<Workflow> readCliWorkflow(Path folder, Diagnostics diagnostics) {
        Path yaml = folder.resolve("workflow.yaml");
        if (!Files.isRegularFile(yaml)) {
            return Optional.empty();
        }
        return read(yaml, diagnostics)
                .flatMap(text -> CliWorkflowReader.readMetadata(display(yaml), text, diagnostics))
                .flatMap(metadata -> {
                    Path definition = folder.resolve(metadata.definitionFile()).normalize();
                    if (!Files.isRegularFile(definition)) {
                        diagnostics.error(
                                "missing_file",
                                "'" + metadata.definitionFile() + "' named by 'definition' does not exist; pull the"
                                        + " workflow again or fix the file name",
                                "workflow '" + metadata.slugGuess() + "'",
                                "definition",
                                SourceLocation.ofFile(display(yaml)));
                        return Optional.empty();
                    }
                    return read(definition, diagnostics)
                            .flatMap(text ->
                                    CliWorkflowReader.readDefinition(metadata, display(definition), text, diagnostics));
                });
    }

    private FunctionDefinition withCode(FunctionDefinition function, Diagnostics diagnostics) {
        if (function.code() != null || function.codeFile() == null) {
            return function;
        }
        Path file = sourceDirectory
                .resolve("functions")
                .resolve(function.slug())
                .resolve(function.codeFile())
                .normalize();
        if (!Files.isRegularFile(file)) {
            diagnostics.error(
                    "missing_file",
                    "code file '" + display(file) + "' of function '" + function.slug() + "' does not exist; create it"
                            + " or set 'entrypoint'",
                    function.subject(),
                    "entrypoint",
                    function.sourceMap().locate("entrypoint").orElse(null));
            return function;
        }
        Optional<String> code = read(file, diagnostics);
        return new FunctionDefinition(
                function.slug(),
                function.name(),
                function.description(),
                function.codeFile(),
                code.orElse(null),
                function.functionType(),
                function.invokeResponseMode(),
                function.publicEndpoint(),
                function.runtimeConfig(),
                function.secretNames(),
                function.sourceMap());
    }

    private WhatsappFlow withFlowJson(WhatsappFlow flow, Diagnostics diagnostics) {
        if (flow.flowJson() != null || flow.flowJsonFile() == null) {
            return flow;
        }
        Path file = sourceDirectory
                .resolve("flows")
                .resolve(flow.name())
                .resolve(flow.flowJsonFile())
                .normalize();
        if (!Files.isRegularFile(file)) {
            diagnostics.error(
                    "missing_file",
                    "Flow JSON '" + display(file) + "' of WhatsApp flow '" + flow.name() + "' does not exist; create it"
                            + " or set 'flow_json'",
                    flow.subject(),
                    "flow_json",
                    flow.sourceMap().locate("flow_json").orElse(null));
            return flow;
        }
        Optional<SourceDocument> json = read(file, diagnostics)
                // Flow JSON may be written as YAML (comments, no braces): the same tree, located in that file
                .flatMap(text -> SourceDocument.parse(
                        display(file),
                        text,
                        file.getFileName().toString().matches(".*\\.ya?ml") ? SourceFormat.YAML : SourceFormat.JSON,
                        diagnostics));
        return new WhatsappFlow(
                flow.name(),
                flow.flowJsonFile(),
                json.map(SourceDocument::root).orElse(null),
                flow.phoneNumberId(),
                flow.publish(),
                flow.dataEndpointFunction(),
                // the Flow JSON's elements are located in its own file, under flow_json
                json.map(d -> flow.sourceMap().plus(d.locations("flow_json"))).orElse(flow.sourceMap()));
    }

    private static <T> void reportDuplicates(
            List<T> items,
            Function<T, String> key,
            Function<T, SourceMap> source,
            String what,
            Diagnostics diagnostics) {
        Map<String, T> seen = new HashMap<>();
        for (T item : items) {
            T first = seen.putIfAbsent(key.apply(item), item);
            if (first != null) {
                String firstWhere = source.apply(first).file().orElse("Java code");
                diagnostics.error(
                        "duplicate_slug",
                        what + " '" + key.apply(item) + "' is declared twice (also in " + firstWhere
                                + "); rename one or remove it",
                        "",
                        "",
                        source.apply(item).locate("slug").orElse(null));
            }
        }
    }

    private List<Path> list(Path folder, Diagnostics diagnostics) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            diagnostics.error(
                    "unreadable_file", "cannot list " + display(folder) + ": " + e.getMessage(), "", "", null);
            return List.of();
        }
    }

    /** The file's text, or empty with a diagnostic when it is too large, unreadable or not UTF-8. */
    private Optional<String> read(Path file, Diagnostics diagnostics) {
        SourceLocation where = SourceLocation.ofFile(display(file));
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                diagnostics.error(
                        "file_too_large", "file is larger than " + MAX_FILE_BYTES + " bytes; split it", "", "", where);
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            diagnostics.error("invalid_encoding", "file is not valid UTF-8; save it as UTF-8", "", "", where);
        } catch (IOException e) {
            diagnostics.error("unreadable_file", "cannot read the file: " + e.getMessage(), "", "", where);
        }
        return Optional.empty();
    }

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(displayBase) ? displayBase.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
