package io.kapsocode.cli;

import io.kapsocode.model.InboundMessageReadMode;
import io.kapsocode.model.WorkflowStatus;

/**
 * The keys of a Kapso CLI {@code workflow.yaml}; {@code description} and the two settings are this
 * tool's additions, written only when set.
 *
 * @param definition the definition file, relative to the workflow's folder
 * @param name display name
 * @param slug the workflow's slug
 * @param status lifecycle state
 * @param description optional description
 * @param messageDebounceSeconds optional setting
 * @param inboundMessageReadMode optional setting
 */
public record CliWorkflowYaml(
        String definition,
        String name,
        String slug,
        WorkflowStatus status,
        String description,
        Integer messageDebounceSeconds,
        InboundMessageReadMode inboundMessageReadMode) {}
