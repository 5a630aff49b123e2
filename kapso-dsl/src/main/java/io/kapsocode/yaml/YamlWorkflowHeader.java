package io.kapsocode.yaml;

import io.kapsocode.model.Required;
import io.kapsocode.model.WorkflowSettings;
import io.kapsocode.model.WorkflowStatus;

/** The top-level scalar keys of a workflow YAML file, read by the shared codec. */
record YamlWorkflowHeader(
        @Required String slug,
        @Required String name,
        String description,
        WorkflowStatus status,
        WorkflowSettings settings) {}
