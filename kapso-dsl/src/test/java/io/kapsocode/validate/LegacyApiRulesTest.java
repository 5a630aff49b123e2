package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the legacy flows API cannot hold is reported at once, each at its line, with the way out; what
 * only it has (a pipedream node) passes there.
 */
class LegacyApiRulesTest {

    @TempDir
    Path sources;

    @Test
    void nodesTriggersAndSettingsTheLegacyApiLacksAreReportedAtTheirLines() throws IOException {
        Files.createDirectories(sources.resolve("workflows"));
        Files.writeString(sources.resolve("workflows").resolve("support.yaml"), """
                slug: support
                name: Support
                settings:
                  inbound_message_read_mode: read_only
                triggers:
                  - type: api_call
                  - type: whatsapp_event
                    event: whatsapp.message.received
                nodes:
                  start: {next: done}
                  done: {type: emit_event, event_name: support.closed, next: slack}
                  slack: {type: raw, node_type: pipedream, config: {app_slug: slack}, next: human}
                  human: {type: handoff}
                """);
        Path function = Files.createDirectories(sources.resolve("functions").resolve("notify"));
        Files.writeString(function.resolve("function.yaml"), "slug: notify\nname: Notify\npublic_endpoint: true\n");
        Files.writeString(function.resolve("index.js"), "async function handler() { return new Response('ok'); }\n");

        LoadedProject loaded = new ProjectLoader(sources, sources).load();
        assertThat(loaded.diagnostics()).isEmpty();

        assertThat(ProjectValidator.validateForLegacyApi(loaded.project()))
                .extracting(Diagnostic::format)
                .containsExactly(
                        "functions/notify/function.yaml:3:1: warning[legacy_ignored_setting] the legacy functions"
                                + " API keeps no invoke_response_mode or public_endpoint; function 'notify' is"
                                + " written without them",
                        "workflows/support.yaml:3:1: warning[legacy_ignored_setting] the legacy flows API keeps no"
                                + " message_debounce_seconds or inbound_message_read_mode; the settings are not"
                                + " applied there",
                        "workflows/support.yaml:7:5: error[legacy_unsupported_trigger] a whatsapp_event trigger does"
                                + " not exist on the legacy flows API, which has only inbound_message and api_call"
                                + " triggers; remove it, or target the Platform API (kapso.api=platform)",
                        "workflows/support.yaml:11:3: error[legacy_unsupported_node] emit_event node 'done' does not"
                                + " exist on the legacy flows API (it has no call, handoff or emit_event node); remove"
                                + " it, or target the Platform API (kapso.api=platform)",
                        "workflows/support.yaml:13:3: error[legacy_unsupported_node] handoff node 'human' does not"
                                + " exist on the legacy flows API (it has no call, handoff or emit_event node); remove"
                                + " it, or target the Platform API (kapso.api=platform)");
        // on the Platform API the same project is fine but for the pipedream node, which it lacks
        assertThat(ProjectValidator.validate(loaded.project()))
                .extracting(Diagnostic::code)
                .containsExactly("unknown_node_type");
    }
}
