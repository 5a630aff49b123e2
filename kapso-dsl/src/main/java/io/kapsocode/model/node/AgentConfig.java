package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.MessageDeliveryMode;
import io.kapsocode.model.ObserverPromptMode;
import io.kapsocode.model.PromptCacheTtl;
import io.kapsocode.model.Values;
import java.util.List;

/**
 * An {@code agent} node: an LLM agent that talks with the user and uses tools until it calls
 * {@code complete_task}; then it continues on {@code next}, if any.
 *
 * @param systemPrompt the agent's instructions
 * @param providerModelName the model, by name (e.g. {@code gpt-5-mini})
 * @param providerModelId the model, by remote id
 * @param temperature sampling temperature (Kapso's default 0.0)
 * @param maxIterations tool-loop limit (Kapso's default 80)
 * @param maxTokens output token limit (Kapso's default 8192)
 * @param reasoningEffort {@code none}, {@code minimal}, {@code low}, {@code medium}, {@code high},
 *     {@code xhigh} or {@code max}, as the model supports
 * @param promptCacheTtl prompt cache lifetime
 * @param observerPromptMode behaviour in observer executions
 * @param messageDeliveryMode whether assistant text is sent automatically
 * @param enabledDefaultTools built-in tools the agent may use, such as {@code complete_task}
 * @param defaultToolConfigs settings of built-in tools, such as {@code emit_event.event_definition_ids}
 * @param flowAgentFunctionTools functions the agent may call
 * @param flowAgentWebhooks HTTP endpoints the agent may call
 * @param flowAgentKnowledgeBases texts the agent may search
 * @param flowAgentMcpServers MCP servers the agent may use
 * @param flowAgentResources repositories mounted in the agent's sandbox
 * @param sandboxEnabled whether the agent has a sandbox
 * @param sandboxNetworkMode the sandbox's network policy, such as {@code allow_all} or {@code allow_list}
 * @param sandboxAllowedOutboundHosts hosts the sandbox may reach with {@code allow_list}
 * @param flowAgentAppIntegrationTools deprecated app-integration tools
 * @param uiSkills dashboard skills, kept as Kapso returns them
 */
public record AgentConfig(
        String systemPrompt,
        String providerModelName,
        String providerModelId,
        Double temperature,
        Integer maxIterations,
        Integer maxTokens,
        String reasoningEffort,
        PromptCacheTtl promptCacheTtl,
        ObserverPromptMode observerPromptMode,
        MessageDeliveryMode messageDeliveryMode,
        List<String> enabledDefaultTools,
        JsonNode defaultToolConfigs,
        List<AgentFunctionTool> flowAgentFunctionTools,
        List<AgentWebhookTool> flowAgentWebhooks,
        List<AgentKnowledgeBase> flowAgentKnowledgeBases,
        List<AgentMcpServer> flowAgentMcpServers,
        List<AgentResource> flowAgentResources,
        Boolean sandboxEnabled,
        String sandboxNetworkMode,
        List<String> sandboxAllowedOutboundHosts,
        List<AgentAppIntegrationTool> flowAgentAppIntegrationTools,
        JsonNode uiSkills)
        implements NodeConfig {

    public static final String TYPE = "agent";

    public AgentConfig {
        enabledDefaultTools = Values.list(enabledDefaultTools);
        defaultToolConfigs = Values.json(defaultToolConfigs);
        flowAgentFunctionTools = Values.list(flowAgentFunctionTools);
        flowAgentWebhooks = Values.list(flowAgentWebhooks);
        flowAgentKnowledgeBases = Values.list(flowAgentKnowledgeBases);
        flowAgentMcpServers = Values.list(flowAgentMcpServers);
        flowAgentResources = Values.list(flowAgentResources);
        sandboxAllowedOutboundHosts = Values.list(sandboxAllowedOutboundHosts);
        flowAgentAppIntegrationTools = Values.list(flowAgentAppIntegrationTools);
        uiSkills = Values.json(uiSkills);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
