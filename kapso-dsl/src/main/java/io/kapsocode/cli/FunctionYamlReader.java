package io.kapsocode.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.ReadScope;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.SourceMap;
import java.util.List;
import java.util.Optional;

/** Reads {@code functions/<slug>/function.yaml}, the same file in Kapso's CLI layout and in this tool's. */
public final class FunctionYamlReader {

    private FunctionYamlReader() {}

    /**
     * Reads the function's settings; its code is read by the caller from {@link FunctionDefinition#codeFile()}.
     *
     * @param file the file as diagnostics show it; its folder name is the slug when the file has none
     */
    public static Optional<FunctionDefinition> read(String file, String text, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file,
                text,
                SourceFormat.YAML,
                "function.yaml must be a mapping with slug, name and entrypoint",
                diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SourceDocument document = parsed.get();
        ObjectNode root = (ObjectNode) document.root();
        String folder = SourceDocument.folderName(file, "function");
        String slug = root.path("slug").isTextual() ? root.get("slug").textValue() : folder;
        SourceMap.Builder sourceMap = new SourceMap.Builder(file);
        sourceMap.put("", document.at(""));
        ReadScope scope = new ReadScope(document, diagnostics, sourceMap, "function '" + slug + "'", true);
        FunctionYaml yaml =
                RecordCodec.readKnownKeys(FunctionYaml.class, root, "", "", "function.yaml", List.of(), scope);
        return Optional.of(new FunctionDefinition(
                slug,
                yaml.name(),
                yaml.description(),
                yaml.entrypoint() != null ? yaml.entrypoint() : "index.js",
                null,
                yaml.functionType(),
                yaml.invokeResponseMode(),
                yaml.publicEndpoint(),
                yaml.runtimeConfig(),
                yaml.secrets(),
                sourceMap.build()));
    }
}
