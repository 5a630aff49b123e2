package io.kapsocode.yaml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.codec.ReadScope;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.json.SourceDocument;
import io.kapsocode.json.SourceFormat;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.WhatsappFlow;
import java.util.List;
import java.util.Optional;

/** Reads {@code flows/<name>/flow.yaml}; the Flow JSON it names is read by the caller. */
public final class FlowYamlReader {

    private FlowYamlReader() {}

    public static Optional<WhatsappFlow> read(String file, String text, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = SourceDocument.parseMapping(
                file,
                text,
                SourceFormat.YAML,
                "flow.yaml must be a mapping with name and phone_number_id",
                diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SourceDocument document = parsed.get();
        String folder = SourceDocument.folderName(file, "flow");
        ObjectNode root = (ObjectNode) document.root();
        String name = root.path("name").isTextual() ? root.get("name").textValue() : folder;
        SourceMap.Builder sourceMap = new SourceMap.Builder(file);
        sourceMap.put("", document.at(""));
        ReadScope scope = new ReadScope(document, diagnostics, sourceMap, "WhatsApp flow '" + name + "'", true);
        FlowYaml yaml = RecordCodec.read(FlowYaml.class, root, "", "", "flow.yaml", List.of(), scope)
                .value();
        return Optional.of(new WhatsappFlow(
                name,
                yaml.flowJson() != null ? yaml.flowJson() : "flow.json",
                null,
                yaml.phoneNumberId(),
                yaml.publish(),
                yaml.dataEndpointFunction(),
                sourceMap.build()));
    }
}
