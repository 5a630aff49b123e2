package io.kapsocode.model.node;

/**
 * The configuration of one workflow node; its record type decides the Kapso {@code node_type}. Record
 * components map one-to-one to Kapso's snake_case config keys ({@code phoneNumberId} is
 * {@code phone_number_id}); {@code null} or empty means unset and is omitted from the definition.
 */
public sealed interface NodeConfig
        permits StartConfig,
                SendTextConfig,
                SendTemplateConfig,
                SendInteractiveConfig,
                WaitForResponseConfig,
                DecideConfig,
                FunctionConfig,
                WebhookConfig,
                AgentConfig,
                CallConfig,
                HandoffConfig,
                SetVariableConfig,
                EmitEventConfig,
                RawConfig {

    /** Kapso's {@code data.node_type} for this config. */
    String nodeType();
}
