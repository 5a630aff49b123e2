package io.kapsocode.validate;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.trigger.Trigger;
import java.util.List;
import java.util.Set;

/**
 * What a project may hold when it targets Kapso's legacy flows API ({@code app.kapso.ai/api/v1}, README
 * "The legacy flows API"): that API has no {@code call}, {@code handoff} or {@code emit_event} node, only
 * {@code inbound_message} and {@code api_call} triggers, no WhatsApp flows, and does not keep the
 * Platform's workflow settings or its functions' response mode and public endpoint.
 */
final class LegacyApiRules {

    static final Set<String> MISSING_NODE_TYPES = Set.of("call", "handoff", "emit_event");

    /** The node type only the legacy API has: read and kept as a raw node, never invented. */
    static final Set<String> MORE_NODE_TYPES = Set.of("pipedream");

    static final List<String> TRIGGER_TYPES = List.of("inbound_message", "api_call");

    private LegacyApiRules() {}

    static void check(Project project, Diagnostics out) {
        for (Workflow workflow : project.workflows()) {
            Findings findings = new Findings(out, workflow.subject(), workflow.sourceMap());
            for (Node node : workflow.nodes()) {
                if (MISSING_NODE_TYPES.contains(node.nodeType())) {
                    findings.error(
                            "legacy_unsupported_node",
                            "nodes." + node.id(),
                            node.nodeType() + " node '" + node.id() + "' does not exist on the legacy flows API"
                                    + " (it has no call, handoff or emit_event node); remove it, or target the"
                                    + " Platform API (kapso.api=platform)");
                }
            }
            for (int i = 0; i < workflow.triggers().size(); i++) {
                Trigger trigger = workflow.triggers().get(i);
                if (!TRIGGER_TYPES.contains(trigger.triggerType())) {
                    findings.error(
                            "legacy_unsupported_trigger",
                            "triggers." + i,
                            "a " + trigger.triggerType() + " trigger does not exist on the legacy flows API, which"
                                    + " has only inbound_message and api_call triggers; remove it, or target the"
                                    + " Platform API (kapso.api=platform)");
                }
            }
            if (workflow.settings().messageDebounceSeconds() != null
                    || workflow.settings().inboundMessageReadMode() != null) {
                findings.warning(
                        "legacy_ignored_setting",
                        "settings",
                        "the legacy flows API keeps no message_debounce_seconds or inbound_message_read_mode;"
                                + " the settings are not applied there");
            }
        }
        for (FunctionDefinition function : project.functions()) {
            if (function.invokeResponseMode() != null || function.publicEndpoint() != null) {
                new Findings(out, function.subject(), function.sourceMap())
                        .warning(
                                "legacy_ignored_setting",
                                function.invokeResponseMode() != null ? "invoke_response_mode" : "public_endpoint",
                                "the legacy functions API keeps no invoke_response_mode or public_endpoint;"
                                        + " function '" + function.slug() + "' is written without them");
            }
        }
        for (WhatsappFlow flow : project.whatsappFlows()) {
            new Findings(out, flow.subject(), flow.sourceMap())
                    .error(
                            "legacy_unsupported_resource",
                            "name",
                            "WhatsApp flow '" + flow.name() + "' cannot be managed through the legacy flows API,"
                                    + " which has no WhatsApp flow endpoints; remove it from the sources, or target"
                                    + " the Platform API (kapso.api=platform)");
        }
    }
}
