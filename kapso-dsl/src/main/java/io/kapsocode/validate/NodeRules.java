package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.codec.NodeTypes;
import io.kapsocode.diagnostic.Suggestions;
import io.kapsocode.model.DecisionType;
import io.kapsocode.model.MessageDeliveryMode;
import io.kapsocode.model.Node;
import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.Button;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.EmitEventConfig;
import io.kapsocode.model.node.ListRow;
import io.kapsocode.model.node.ListSection;
import io.kapsocode.model.node.RawConfig;
import io.kapsocode.model.node.SendInteractiveConfig;
import io.kapsocode.model.node.WaitForResponseConfig;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules of each node type (contract §B and §H). */
final class NodeRules {

    static final int MIN_TIMEOUT_SECONDS = 10;
    static final int MAX_TIMEOUT_SECONDS = 604_800;
    static final Pattern EVENT_NAME = Pattern.compile("^[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*$");

    /** Values the Kapso library accepts; the API takes a few more, which depend on the model. */
    static final List<String> PORTABLE_REASONING_EFFORTS = List.of("minimal", "low", "medium", "high");

    static final List<String> API_REASONING_EFFORTS =
            List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");
    static final List<String> DEFAULT_TOOLS = List.of(
            "send_notification_to_user",
            "send_media",
            "get_execution_metadata",
            "get_whatsapp_context",
            "get_current_datetime",
            "save_variable",
            "get_variable",
            "ask_about_file",
            "complete_task",
            "handoff_to_human",
            "enter_waiting",
            "emit_event");
    static final List<String> SANDBOX_NETWORK_MODES = List.of("allow_all", "allow_list");

    private NodeRules() {}

    static void check(Node node, String path, Set<String> moreNodeTypes, Findings findings) {
        String owner = node.nodeType() + " node '" + node.id() + "'";
        if (node.config() instanceof RawConfig raw) {
            raw(node, raw, path, moreNodeTypes, findings);
            return;
        }
        List<String> reportedElsewhere = node.config() instanceof DecideConfig ? List.of("conditions") : List.of();
        RequiredFields.check(node.config(), path, owner, findings, reportedElsewhere);
        RemoteIds.check(node, path, owner, findings);
        if (node.config() instanceof SendInteractiveConfig interactive) {
            interactive(interactive, path, owner, findings);
        } else if (node.config() instanceof WaitForResponseConfig wait) {
            waitForResponse(wait, path, owner, findings);
        } else if (node.config() instanceof DecideConfig decide) {
            decide(decide, path, owner, findings);
        } else if (node.config() instanceof AgentConfig agent) {
            agent(agent, path, owner, findings);
        } else if (node.config() instanceof EmitEventConfig event) {
            emitEvent(event, path, owner, findings);
        } else if (node.config() instanceof io.kapsocode.model.node.WebhookConfig webhook) {
            url(webhook.url(), path + ".url", owner, findings);
        }
    }

    /**
     * Kapso calls http and https URLs only. A URL that starts with a template ({@code {{vars.base}}/x},
     * {@code ${ENV:BASE}/x}) is only known at run time, so it is not checked.
     */
    private static void url(String url, String path, String owner, Findings findings) {
        if (url == null || url.isBlank() || url.startsWith("{{") || url.startsWith("${")) {
            return;
        }
        java.util.regex.Matcher scheme =
                java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://").matcher(url);
        if (!scheme.find()) {
            findings.error(
                    "invalid_value", path, owner + " has url '" + url + "' without a scheme; write https://" + url);
        } else if (!scheme.group(1).equalsIgnoreCase("https")
                && !scheme.group(1).equalsIgnoreCase("http")) {
            findings.error(
                    "invalid_value",
                    path,
                    owner + " has a " + scheme.group(1) + ":// url; Kapso calls only http:// and https:// URLs");
        }
    }

    private static void raw(Node node, RawConfig raw, String path, Set<String> moreNodeTypes, Findings findings) {
        if (raw.nodeType().isBlank()) {
            findings.error(
                    "empty_required_field", path + ".node_type", "raw node '" + node.id() + "' needs a node_type");
        } else if (NodeTypes.config(raw.nodeType()).isEmpty() && !moreNodeTypes.contains(raw.nodeType())) {
            findings.error(
                    "unknown_node_type",
                    path + ".node_type",
                    "node '" + node.id() + "' has node type '" + raw.nodeType() + "', which Kapso's API does not"
                            + " list (it would run as an empty step)"
                            + Suggestions.didYouMean(raw.nodeType(), NodeTypes.nodeTypeNames())
                            + "; use one of " + String.join(", ", NodeTypes.nodeTypeNames()));
        }
    }

    private static void interactive(SendInteractiveConfig c, String path, String owner, Findings findings) {
        if (c.bodyText() != null && c.bodyText().isTextual()) {
            maxLength(c.bodyText().textValue(), 1024, path + ".body_text", owner, findings);
        }
        maxLength(c.headerText(), 60, path + ".header_text", owner, findings);
        maxLength(c.footerText(), 60, path + ".footer_text", owner, findings);
        if (c.interactiveType() == null) {
            return;
        }
        switch (c.interactiveType()) {
            case BUTTON -> {
                count(c.buttons().size(), 1, 3, "buttons", path + ".buttons", owner, findings);
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < c.buttons().size(); i++) {
                    Button button = c.buttons().get(i);
                    String buttonPath = path + ".buttons." + i;
                    maxLength(button.title(), 20, buttonPath + ".title", owner, findings);
                    maxLength(button.id(), 256, buttonPath + ".id", owner, findings);
                    unique(button.id(), ids, "button id", buttonPath + ".id", owner, findings);
                }
            }
            case LIST -> {
                present(c.listButtonText(), "list_button_text", path, owner, findings);
                maxLength(c.listButtonText(), 20, path + ".list_button_text", owner, findings);
                count(c.listSections().size(), 1, 10, "list sections", path + ".list_sections", owner, findings);
                int rows = 0;
                Set<String> ids = new HashSet<>();
                for (int s = 0; s < c.listSections().size(); s++) {
                    ListSection section = c.listSections().get(s);
                    String sectionPath = path + ".list_sections." + s;
                    maxLength(section.title(), 24, sectionPath + ".title", owner, findings);
                    for (int r = 0; r < section.rows().size(); r++) {
                        ListRow row = section.rows().get(r);
                        String rowPath = sectionPath + ".rows." + r;
                        maxLength(row.title(), 24, rowPath + ".title", owner, findings);
                        maxLength(row.description(), 72, rowPath + ".description", owner, findings);
                        maxLength(row.id(), 200, rowPath + ".id", owner, findings);
                        unique(row.id(), ids, "row id", rowPath + ".id", owner, findings);
                    }
                    rows += section.rows().size();
                }
                if (rows > 10) {
                    findings.error(
                            "too_many_items",
                            path + ".list_sections",
                            owner + " has " + rows + " list rows in all; WhatsApp allows at most 10");
                }
            }
            case CTA_URL -> {
                present(c.ctaDisplayText(), "cta_display_text", path, owner, findings);
                present(c.ctaUrl(), "cta_url", path, owner, findings);
                maxLength(c.ctaDisplayText(), 20, path + ".cta_display_text", owner, findings);
            }
            case FLOW -> {
                boolean byId = !RequiredFields.isEmpty(c.flowId());
                boolean byName = !RequiredFields.isEmpty(c.whatsappFlowName());
                if (byId == byName) {
                    findings.error(
                            byId ? "conflicting_keys" : "empty_required_field",
                            path + (byId ? ".flow_id" : ""),
                            owner + " needs exactly one of 'whatsapp_flow_name' (a flow of this project) and"
                                    + " 'flow_id' (a Meta flow id)");
                }
                present(c.flowCta(), "flow_cta", path, owner, findings);
                maxLength(c.flowCta(), 20, path + ".flow_cta", owner, findings);
            }
            case LOCATION_REQUEST_MESSAGE -> {}
        }
    }

    private static void waitForResponse(WaitForResponseConfig c, String path, String owner, Findings findings) {
        if (c.effectiveHasTimeout() && c.timeoutSeconds() == null) {
            findings.error(
                    "invalid_timeout",
                    path + ".has_timeout",
                    owner + " has a timeout but no 'timeout_seconds'; set it or drop has_timeout");
        }
        Integer seconds = c.timeoutSeconds();
        if (seconds != null && (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS)) {
            findings.error(
                    "invalid_timeout",
                    path + ".timeout_seconds",
                    owner + " waits " + seconds + " seconds; Kapso takes " + MIN_TIMEOUT_SECONDS + " to "
                            + MAX_TIMEOUT_SECONDS + " (7 days)");
        }
    }

    private static void decide(DecideConfig c, String path, String owner, Findings findings) {
        if (c.decisionType() == DecisionType.FUNCTION && !c.namesFunction()) {
            findings.error(
                    "empty_required_field",
                    path + ".function_slug",
                    owner + " decides by function but names none; add 'function_slug'");
        }
        if (c.llmTemperature() != null && (c.llmTemperature() < 0 || c.llmTemperature() > 2)) {
            findings.error("invalid_value", path + ".llm_temperature", owner + " needs an llm_temperature from 0 to 2");
        }
    }

    private static void agent(AgentConfig c, String path, String owner, Findings findings) {
        String effort = c.reasoningEffort();
        if (effort != null && !API_REASONING_EFFORTS.contains(effort)) {
            findings.error(
                    "invalid_value",
                    path + ".reasoning_effort",
                    owner + " has reasoning_effort '" + effort + "'"
                            + Suggestions.didYouMean(effort, API_REASONING_EFFORTS) + "; use one of "
                            + String.join(", ", API_REASONING_EFFORTS));
        } else if (effort != null && !PORTABLE_REASONING_EFFORTS.contains(effort)) {
            findings.warning(
                    "model_dependent_value",
                    path + ".reasoning_effort",
                    owner + " has reasoning_effort '" + effort + "', which only some models support; models"
                            + " without it fall back to their default");
        }
        for (int i = 0; i < c.enabledDefaultTools().size(); i++) {
            String tool = c.enabledDefaultTools().get(i);
            if (!DEFAULT_TOOLS.contains(tool)) {
                findings.warning(
                        "unknown_default_tool",
                        path + ".enabled_default_tools." + i,
                        owner + " enables default tool '" + tool + "', which Kapso does not document"
                                + Suggestions.didYouMean(tool, DEFAULT_TOOLS));
            }
        }
        if (c.messageDeliveryMode() == MessageDeliveryMode.TOOL_ONLY) {
            for (String needed : List.of("send_notification_to_user", "enter_waiting")) {
                if (!c.enabledDefaultTools().contains(needed)) {
                    findings.error(
                            "missing_default_tool",
                            path + ".message_delivery_mode",
                            owner + " delivers messages only through tools (tool_only) but does not enable '" + needed
                                    + "'; add it to enabled_default_tools");
                }
            }
        }
        if (c.sandboxNetworkMode() != null && !SANDBOX_NETWORK_MODES.contains(c.sandboxNetworkMode())) {
            findings.error(
                    "invalid_value",
                    path + ".sandbox_network_mode",
                    owner + " has sandbox_network_mode '" + c.sandboxNetworkMode() + "'"
                            + Suggestions.didYouMean(c.sandboxNetworkMode(), SANDBOX_NETWORK_MODES)
                            + "; use allow_all or allow_list");
        }
        Set<String> toolNames = new HashSet<>();
        for (int i = 0; i < c.flowAgentFunctionTools().size(); i++) {
            String toolPath = path + ".flow_agent_function_tools." + i + ".name";
            uniqueTool(c.flowAgentFunctionTools().get(i).name(), toolNames, toolPath, owner, findings);
        }
        for (int i = 0; i < c.flowAgentWebhooks().size(); i++) {
            String toolPath = path + ".flow_agent_webhooks." + i + ".name";
            uniqueTool(c.flowAgentWebhooks().get(i).name(), toolNames, toolPath, owner, findings);
        }
        for (int i = 0; i < c.flowAgentMcpServers().size(); i++) {
            String toolPath = path + ".flow_agent_mcp_servers." + i + ".name";
            uniqueTool(c.flowAgentMcpServers().get(i).name(), toolNames, toolPath, owner, findings);
        }
    }

    private static void emitEvent(EmitEventConfig c, String path, String owner, Findings findings) {
        String name = c.eventName();
        if (name != null && !name.isBlank() && (!EVENT_NAME.matcher(name).matches() || name.length() > 128)) {
            findings.error(
                    "invalid_event_name",
                    path + ".event_name",
                    owner + " emits '" + name + "'; event names are lower-case dotted snake_case of at most 128"
                            + " characters, such as 'order.shipped'");
        }
        JsonNode properties = c.properties();
        if (properties == null || properties.isMissingNode() || properties.isNull()) {
            return;
        }
        if (!properties.isObject()) {
            findings.error("invalid_event_properties", path + ".properties", owner + " needs properties as a mapping");
            return;
        }
        if (properties.size() > 25) {
            findings.error(
                    "invalid_event_properties",
                    path + ".properties",
                    owner + " has " + properties.size() + " properties; at most 25 are kept");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String propertyPath = path + ".properties." + property.getKey();
            JsonNode value = property.getValue();
            if (property.getKey().isBlank() || property.getKey().length() > 64) {
                findings.error(
                        "invalid_event_properties",
                        propertyPath,
                        owner + " has a property key that is empty or longer than 64 characters");
            }
            if (value.isContainerNode()) {
                findings.error(
                        "invalid_event_properties",
                        propertyPath,
                        owner + " property '" + property.getKey() + "' must be a string, number, boolean or null,"
                                + " not a nested value");
            } else if (value.isTextual() && value.textValue().getBytes(StandardCharsets.UTF_8).length > 1024) {
                findings.error(
                        "invalid_event_properties",
                        propertyPath,
                        owner + " property '" + property.getKey() + "' is longer than 1024 bytes");
            }
        }
        if (properties.toString().getBytes(StandardCharsets.UTF_8).length > 8192) {
            findings.error(
                    "invalid_event_properties", path + ".properties", owner + " has more than 8 KiB of properties");
        }
    }

    private static void uniqueTool(String name, Set<String> names, String path, String owner, Findings findings) {
        if (name != null && !names.add(name)) {
            findings.error("duplicate_tool_name", path, owner + " has two tools named '" + name + "'; rename one");
        }
    }

    private static void present(String value, String key, String path, String owner, Findings findings) {
        if (RequiredFields.isEmpty(value)) {
            findings.error("empty_required_field", path + "." + key, owner + " needs '" + key + "'; add it");
        }
    }

    private static void maxLength(String value, int max, String path, String owner, Findings findings) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            findings.error(
                    "text_too_long",
                    path,
                    owner + " has a " + key + " of " + value.codePointCount(0, value.length())
                            + " characters; WhatsApp allows at most " + max);
        }
    }

    private static void count(int size, int min, int max, String what, String path, String owner, Findings findings) {
        if (size < min || size > max) {
            findings.error(
                    size < min ? "too_few_items" : "too_many_items",
                    path,
                    owner + " has " + size + " " + what + "; WhatsApp takes " + min + " to " + max);
        }
    }

    private static void unique(String id, Set<String> ids, String what, String path, String owner, Findings findings) {
        if (id != null && !ids.add(id)) {
            findings.error("duplicate_id", path, owner + " uses " + what + " '" + id + "' twice; ids must differ");
        }
    }
}
