package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;

/**
 * A deprecated app-integration tool, kept so that pulled agents round-trip unchanged.
 *
 * @param name the tool name
 * @param description when to use it
 * @param appIntegrationId the integration's remote id
 */
@ReadOnlyKeys({"id"})
public record AgentAppIntegrationTool(@Required String name, String description, String appIntegrationId) {}
