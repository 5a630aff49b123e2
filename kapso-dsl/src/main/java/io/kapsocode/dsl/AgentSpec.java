package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.MessageDeliveryMode;
import io.kapsocode.model.ObserverPromptMode;
import io.kapsocode.model.PromptCacheTtl;
import io.kapsocode.model.RepositoryAuthType;
import io.kapsocode.model.node.AgentAppIntegrationTool;
import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.AgentFunctionTool;
import io.kapsocode.model.node.AgentKnowledgeBase;
import io.kapsocode.model.node.AgentMcpServer;
import io.kapsocode.model.node.AgentResource;
import io.kapsocode.model.node.AgentWebhookTool;
import io.kapsocode.model.node.NodeConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Configures an {@code agent} node: prompt, model, limits and tools. */
public final class AgentSpec extends NodeSpec<AgentSpec> {

    private String systemPrompt;
    private String providerModelName;
    private String providerModelId;
    private Double temperature;
    private Integer maxIterations;
    private Integer maxTokens;
    private String reasoningEffort;
    private PromptCacheTtl promptCacheTtl;
    private ObserverPromptMode observerPromptMode;
    private MessageDeliveryMode messageDeliveryMode;
    private final List<String> enabledDefaultTools = new ArrayList<>();
    private JsonNode defaultToolConfigs;
    private final List<AgentFunctionTool> functionTools = new ArrayList<>();
    private final List<AgentWebhookTool> webhooks = new ArrayList<>();
    private final List<AgentKnowledgeBase> knowledgeBases = new ArrayList<>();
    private final List<AgentMcpServer> mcpServers = new ArrayList<>();
    private final List<AgentResource> resources = new ArrayList<>();
    private Boolean sandboxEnabled;
    private String sandboxNetworkMode;
    private final List<String> sandboxAllowedOutboundHosts = new ArrayList<>();
    private final List<AgentAppIntegrationTool> appIntegrationTools = new ArrayList<>();

    AgentSpec() {}

    /** The instructions the agent follows. */
    public AgentSpec systemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
        return this;
    }

    /** The model, by name, such as {@code gpt-5-mini}. */
    public AgentSpec model(String providerModelName) {
        this.providerModelName = providerModelName;
        return this;
    }

    /** The model, by Kapso id; prefer {@link #model} with the name. */
    public AgentSpec modelId(String providerModelId) {
        this.providerModelId = providerModelId;
        return this;
    }

    /** The sampling temperature (Kapso's default 0.0). */
    public AgentSpec temperature(double temperature) {
        this.temperature = temperature;
        return this;
    }

    /** How many tool rounds the agent may take (Kapso's default 80). */
    public AgentSpec maxIterations(int maxIterations) {
        this.maxIterations = maxIterations;
        return this;
    }

    /** The token limit of one answer (Kapso's default 8192). */
    public AgentSpec maxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
        return this;
    }

    /** {@code none}, {@code minimal}, {@code low}, {@code medium}, {@code high}, {@code xhigh} or {@code max}. */
    public AgentSpec reasoningEffort(String reasoningEffort) {
        this.reasoningEffort = reasoningEffort;
        return this;
    }

    /** How long the prompt is cached: 5m (the default) or 1h (Anthropic models). */
    public AgentSpec promptCacheTtl(PromptCacheTtl promptCacheTtl) {
        this.promptCacheTtl = promptCacheTtl;
        return this;
    }

    /** How an observer execution prompts the agent. */
    public AgentSpec observerPromptMode(ObserverPromptMode observerPromptMode) {
        this.observerPromptMode = observerPromptMode;
        return this;
    }

    /** Whether the agent's text is sent as it is written or only through its tools. */
    public AgentSpec messageDeliveryMode(MessageDeliveryMode messageDeliveryMode) {
        this.messageDeliveryMode = messageDeliveryMode;
        return this;
    }

    /** Built-in tools the agent may use, such as {@code complete_task} and {@code handoff_to_human}. */
    public AgentSpec defaultTools(String... tools) {
        enabledDefaultTools.addAll(Arrays.asList(tools));
        return this;
    }

    /** Settings of built-in tools, as Kapso's {@code default_tool_configs}. */
    public AgentSpec defaultToolConfigs(Object configs) {
        this.defaultToolConfigs = Json.valueOf(configs);
        return this;
    }

    /** A function the agent may call; {@code inputSchema} is a JSON Schema (map or JsonNode), or null. */
    public AgentSpec functionTool(String name, String description, String functionSlug, Object inputSchema) {
        functionTools.add(new AgentFunctionTool(
                name, description, functionSlug, inputSchema == null ? null : Json.valueOf(inputSchema)));
        return this;
    }

    /** A function tool naming its function by Kapso id; prefer {@link #functionTool} with the slug. */
    public AgentSpec functionToolById(String name, String description, String functionId, Object inputSchema) {
        return functionTool(name, description, null, functionId, inputSchema);
    }

    /**
     * A function tool naming its function by slug and Kapso id, as exported projects do; the plan checks
     * that both name the same function.
     */
    public AgentSpec functionTool(
            String name, String description, String functionSlug, String functionId, Object inputSchema) {
        functionTools.add(new AgentFunctionTool(
                name,
                description,
                functionSlug,
                functionId,
                null,
                inputSchema == null ? null : Json.valueOf(inputSchema)));
        return this;
    }

    /** An HTTP endpoint the agent may call, fully described. */
    public AgentSpec webhookTool(AgentWebhookTool tool) {
        webhooks.add(tool);
        return this;
    }

    /** An HTTP endpoint the agent may call, with method and URL only. */
    public AgentSpec webhookTool(String name, String description, HttpMethod method, String url) {
        return webhookTool(new AgentWebhookTool(name, description, url, method, null, null, null, null, null));
    }

    /** A text the agent may consult, with a name and when to use it. */
    public AgentSpec knowledgeBase(String name, String description, String text) {
        knowledgeBases.add(new AgentKnowledgeBase(name, description, text));
        return this;
    }

    /** An MCP server; {@code headers} is a map or JsonNode, or null. */
    public AgentSpec mcpServer(String name, String description, String url, Object headers) {
        mcpServers.add(new AgentMcpServer(name, description, url, headers == null ? null : Json.valueOf(headers)));
        return this;
    }

    /** A public or app-authenticated GitHub repository mounted in the sandbox. */
    public AgentSpec githubRepository(
            String repoUrl, String branch, RepositoryAuthType authType, String installationId) {
        resources.add(new AgentResource("github_repository", repoUrl, branch, authType, installationId));
        return this;
    }

    /** Enables the sandbox with a network policy ({@code allow_all} or {@code allow_list}). */
    public AgentSpec sandbox(String networkMode, String... allowedOutboundHosts) {
        this.sandboxEnabled = true;
        this.sandboxNetworkMode = networkMode;
        sandboxAllowedOutboundHosts.addAll(Arrays.asList(allowedOutboundHosts));
        return this;
    }

    /** A deprecated app-integration tool, for agents that still use one. */
    public AgentSpec appIntegrationTool(String name, String description, String appIntegrationId) {
        appIntegrationTools.add(new AgentAppIntegrationTool(name, description, appIntegrationId));
        return this;
    }

    @Override
    NodeConfig config() {
        return new AgentConfig(
                systemPrompt,
                providerModelName,
                providerModelId,
                temperature,
                maxIterations,
                maxTokens,
                reasoningEffort,
                promptCacheTtl,
                observerPromptMode,
                messageDeliveryMode,
                enabledDefaultTools,
                defaultToolConfigs,
                functionTools,
                webhooks,
                knowledgeBases,
                mcpServers,
                resources,
                sandboxEnabled,
                sandboxNetworkMode,
                sandboxAllowedOutboundHosts,
                appIntegrationTools,
                null);
    }
}
