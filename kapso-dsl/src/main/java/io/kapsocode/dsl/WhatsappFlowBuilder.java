package io.kapsocode.dsl;

import io.kapsocode.json.Json;
import io.kapsocode.model.SourceMap;
import io.kapsocode.model.WhatsappFlow;

/** Builds a {@link WhatsappFlow} from a Flow JSON file or value. */
public final class WhatsappFlowBuilder {

    private final String name;
    private String flowJsonFile = "flow.json";
    private Object flowJson;
    private String phoneNumberId;
    private Boolean publish;
    private String dataEndpointFunction;

    WhatsappFlowBuilder(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
        this.name = name;
    }

    /** The Flow JSON file, relative to the flow's folder ({@code flows/<name>/}); default {@code flow.json}. */
    public WhatsappFlowBuilder flowJsonFile(String flowJsonFile) {
        this.flowJsonFile = flowJsonFile;
        return this;
    }

    /** The Flow JSON itself (a map or JsonNode), instead of a file. */
    public WhatsappFlowBuilder flowJson(Object flowJson) {
        this.flowJson = flowJson;
        return this;
    }

    /** The number whose WhatsApp Business Account owns the flow. */
    public WhatsappFlowBuilder phoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
        return this;
    }

    /** Publishes the latest version when applied; published flows cannot be unpublished. */
    public WhatsappFlowBuilder publish(boolean publish) {
        this.publish = publish;
        return this;
    }

    /** The function, by slug, that serves the flow's data endpoint. */
    public WhatsappFlowBuilder dataEndpointFunction(String functionSlug) {
        this.dataEndpointFunction = functionSlug;
        return this;
    }

    /** The immutable WhatsApp Flow. */
    public WhatsappFlow build() {
        return new WhatsappFlow(
                name,
                flowJson == null ? flowJsonFile : null,
                flowJson == null ? null : Json.valueOf(flowJson),
                phoneNumberId,
                publish,
                dataEndpointFunction,
                SourceMap.NONE);
    }
}
