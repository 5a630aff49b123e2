package io.kapsocode.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Project;
import io.kapsocode.validate.ProjectValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML mistakes come back as compiler-style lines: file, line, column, element and fix, all at once. */
class YamlMistakesTest {

    private static final String FILE = "workflows/support.yaml";

    static List<String> check(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        WorkflowYamlReader.read(FILE, yaml, diagnostics)
                .ifPresent(w ->
                        diagnostics.addAll(ProjectValidator.validate(new Project(List.of(w), List.of(), List.of()))));
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void everyMistakeOfAFileIsReportedInOneRun() {
        List<String> lines = check("""
                slug: support
                name: Support
                status: actve
                triggers:
                  - type: inbound_message
                    phone_number_id: 123
                nodes:
                  start:
                    next: greet
                  greet:
                    type: send_text
                    mesage: Hi
                    delay_seconds: "5"
                    next: route
                  route:
                    type: decide
                    branches:
                      yes: help
                      no: {next: bye, description: The customer is done}
                  help: {type: handoff}
                  bye: {type: webhok}
                  orphan:
                    type: send_template
                    next: nowhere
                """);

        assertThat(lines)
                .containsExactly(
                        FILE + ":3:9: error[invalid_value] 'status' of workflow 'support' must be one of draft, active,"
                                + " archived, not the string \"actve\" (did you mean 'active'?)",
                        FILE + ":6:22: error[wrong_type] 'phone_number_id' of inbound_message trigger 0 must be a"
                                + " string, not the number 123; quote it: \"123\"",
                        FILE + ":10:3: error[empty_required_field] send_text node 'greet' needs 'message'; add it",
                        FILE + ":12:5: error[unknown_key] unknown key 'mesage' in send_text node 'greet' (did you mean"
                                + " 'message'?); valid keys: message, phone_number_id, whatsapp_config_id,"
                                + " to_phone_number, delay_seconds, provider_model_name, provider_model_id,"
                                + " ai_field_config, type, display_name, position, next, raw_config, suppress",
                        FILE + ":13:20: error[wrong_type] 'delay_seconds' of send_text node 'greet' must be a whole"
                                + " number, not the string \"5\"",
                        FILE + ":21:15: error[unknown_node_type] unknown node type 'webhok' of node 'bye' (did you mean"
                                + " 'webhook'?); use one of start, send_text, send_template, send_interactive,"
                                + " wait_for_response, decide, function, webhook, agent, call, handoff, set_variable,"
                                + " emit_event, raw",
                        FILE + ":22:3: error[empty_required_field] send_template node 'orphan' needs 'template_id';"
                                + " add it",
                        FILE + ":24:11: error[missing_edge_target] edge from 'orphan' leads to node 'nowhere', which"
                                + " does not exist");
    }

    @Test
    void anUnclosedBraceIsNamedWhereItOpened() {
        assertThat(check("slug: x\nnodes:\n  start: {next: a\n"))
                .containsExactly(
                        FILE + ":3:10: error[syntax_error] a '{' or '[' opened here is never closed; close it"
                                + " (YAML says: while parsing a flow mapping: expected ',' or '}', but got the end of the file)");
    }

    @Test
    void aMisspeltTargetGetsASuggestion() {
        assertThat(check("""
                        slug: hello
                        name: Hello
                        nodes:
                          start: {next: greting}
                          greeting: {type: send_text, message: Hi}
                        """))
                .containsExactly(FILE + ":4:17: error[missing_edge_target] edge from 'start' leads to node 'greting',"
                        + " which does not exist (did you mean 'greeting'?)");
    }

    @Test
    void aDuplicateKeyIsNotSilentlyOverwritten() {
        assertThat(check("""
                        slug: hello
                        name: Hello
                        nodes:
                          start: {next: greet}
                          greet: {type: send_text, message: Hi}
                          greet: {type: send_text, message: Hello}
                        """)).anySatisfy(line -> assertThat(line).startsWith(FILE + ":6:3: error[duplicate_key]"));
    }
}
