package io.kapsocode.yaml;

/**
 * The keys of {@code flows/<name>/flow.yaml}, which sits beside the Flow JSON it names.
 *
 * @param name the flow's name, unique in the project
 * @param flowJson the Flow JSON file, relative to the folder; default {@code flow.json}
 * @param phoneNumberId the number whose WhatsApp Business Account owns the flow
 * @param publish whether applying publishes the latest version
 * @param dataEndpointFunction slug of the function serving the data endpoint
 */
public record FlowYaml(
        String name, String flowJson, String phoneNumberId, Boolean publish, String dataEndpointFunction) {}
