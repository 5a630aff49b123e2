package io.kapsocode.codec;

import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.CallConfig;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.EmitEventConfig;
import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.model.node.HandoffConfig;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.SendInteractiveConfig;
import io.kapsocode.model.node.SendTemplateConfig;
import io.kapsocode.model.node.SendTextConfig;
import io.kapsocode.model.node.SetVariableConfig;
import io.kapsocode.model.node.StartConfig;
import io.kapsocode.model.node.WaitForResponseConfig;
import io.kapsocode.model.node.WebhookConfig;
import io.kapsocode.model.trigger.ApiCallTrigger;
import io.kapsocode.model.trigger.InboundMessageTrigger;
import io.kapsocode.model.trigger.ProjectEventTrigger;
import io.kapsocode.model.trigger.Trigger;
import io.kapsocode.model.trigger.WhatsappEventTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kapso's node and trigger type names, and the records that model them. */
public final class NodeTypes {

    private static final Map<String, Class<? extends NodeConfig>> NODES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends Trigger>> TRIGGERS = new LinkedHashMap<>();

    static {
        NODES.put(StartConfig.TYPE, StartConfig.class);
        NODES.put(SendTextConfig.TYPE, SendTextConfig.class);
        NODES.put(SendTemplateConfig.TYPE, SendTemplateConfig.class);
        NODES.put(SendInteractiveConfig.TYPE, SendInteractiveConfig.class);
        NODES.put(WaitForResponseConfig.TYPE, WaitForResponseConfig.class);
        NODES.put(DecideConfig.TYPE, DecideConfig.class);
        NODES.put(FunctionConfig.TYPE, FunctionConfig.class);
        NODES.put(WebhookConfig.TYPE, WebhookConfig.class);
        NODES.put(AgentConfig.TYPE, AgentConfig.class);
        NODES.put(CallConfig.TYPE, CallConfig.class);
        NODES.put(HandoffConfig.TYPE, HandoffConfig.class);
        NODES.put(SetVariableConfig.TYPE, SetVariableConfig.class);
        NODES.put(EmitEventConfig.TYPE, EmitEventConfig.class);
        TRIGGERS.put(InboundMessageTrigger.TYPE, InboundMessageTrigger.class);
        TRIGGERS.put(ApiCallTrigger.TYPE, ApiCallTrigger.class);
        TRIGGERS.put(WhatsappEventTrigger.TYPE, WhatsappEventTrigger.class);
        TRIGGERS.put(ProjectEventTrigger.TYPE, ProjectEventTrigger.class);
    }

    private NodeTypes() {}

    /** The record modelling {@code nodeType}, if this tool models it. */
    public static Optional<Class<? extends NodeConfig>> config(String nodeType) {
        return Optional.ofNullable(NODES.get(nodeType));
    }

    /** Every node type Kapso's API lists, in the order of its documentation. */
    public static Map<String, Class<? extends NodeConfig>> nodes() {
        return Map.copyOf(NODES);
    }

    public static List<String> nodeTypeNames() {
        return java.util.List.copyOf(NODES.keySet());
    }

    public static Optional<Class<? extends Trigger>> trigger(String triggerType) {
        return Optional.ofNullable(TRIGGERS.get(triggerType));
    }

    public static List<String> triggerTypeNames() {
        return java.util.List.copyOf(TRIGGERS.keySet());
    }
}
