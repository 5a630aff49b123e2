package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;

/**
 * Text an agent can look things up in.
 *
 * @param name the knowledge base name the model sees
 * @param description what it holds
 * @param knowledgeBaseText the text itself
 */
@ReadOnlyKeys({"id"})
public record AgentKnowledgeBase(
        @Required String name, String description, @Required String knowledgeBaseText) {}
