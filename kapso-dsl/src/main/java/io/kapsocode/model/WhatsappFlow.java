package io.kapsocode.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A WhatsApp Flow (Meta Flow JSON) managed through Kapso, known in sources by its name.
 *
 * @param name the flow's name, unique in the project; {@code send_interactive} nodes reference it
 * @param flowJsonFile the Flow JSON file, relative to the flow's folder
 * @param flowJson the Flow JSON, once read
 * @param phoneNumberId the number whose WhatsApp Business Account owns the flow
 * @param publish whether applying publishes the latest version (published flows cannot be unpublished)
 * @param dataEndpointFunction slug of the function serving the flow's data endpoint, if dynamic
 * @param sourceMap where each element was written
 */
public record WhatsappFlow(
        String name,
        String flowJsonFile,
        JsonNode flowJson,
        String phoneNumberId,
        Boolean publish,
        String dataEndpointFunction,
        SourceMap sourceMap) {

    public WhatsappFlow {
        Objects.requireNonNull(name, "name");
        flowJson = Values.json(flowJson);
        sourceMap = sourceMap == null ? SourceMap.NONE : sourceMap;
    }

    public String subject() {
        return "WhatsApp flow '" + name + "'";
    }
}
