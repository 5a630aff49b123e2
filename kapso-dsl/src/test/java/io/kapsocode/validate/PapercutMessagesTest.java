package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.yaml.WorkflowYamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages a newcomer met and could not act on, each pinned to what it says now. */
class PapercutMessagesTest {

    static List<String> diagnostics(String yaml) {
        Diagnostics read = new Diagnostics();
        Optional<Workflow> workflow = WorkflowYamlReader.read("workflows/w.yaml", yaml, read);
        List<String> all = new ArrayList<>();
        read.sorted().forEach(d -> all.add(d.format()));
        workflow.ifPresent(w -> ProjectValidator.validate(new Project(List.of(w), List.of(), List.of())).stream()
                .map(Diagnostic::format)
                .forEach(all::add));
        return all;
    }

    @Test
    void aWebhookUrlWithoutSchemeNamesTheFix() {
        assertThat(diagnostics("""
                        slug: w
                        name: W
                        nodes:
                          start: {next: crm}
                          crm: {type: webhook, url: crm.example.com/api, next: bye}
                          bye: {type: send_text, message: Bye}
                        """))
                .containsExactly("workflows/w.yaml:5:24: error[invalid_value] webhook node 'crm' has url"
                        + " 'crm.example.com/api' without a scheme; write https://crm.example.com/api");
    }

    @Test
    void aTemplatedWebhookUrlIsLeftToRunTime() {
        assertThat(diagnostics("""
                        slug: w
                        name: W
                        nodes:
                          start: {next: crm}
                          crm: {type: webhook, url: "${ENV:CRM_URL}/tickets", next: bye}
                          bye: {type: send_text, message: Bye}
                        """)).isEmpty();
    }

    @Test
    void anEmptyRequiredValueSaysEmptyNotMissing() {
        assertThat(diagnostics("""
                        slug: w
                        name: W
                        nodes:
                          start: {next: crm}
                          crm: {type: webhook, url: "", next: bye}
                          bye: {type: send_text, message: Bye}
                        """))
                .containsExactly("workflows/w.yaml:5:24: error[empty_required_field] 'url' of webhook node 'crm' is"
                        + " empty; give it a value");
    }

    @Test
    void aDedentedKeyIsOneDiagnosticThatSuggestsIndentingIt() {
        assertThat(diagnostics("""
                        slug: w
                        name: W
                        nodes:
                          start: {next: greet}
                          greet:
                            type: send_text
                          message: Hi!
                        """))
                .containsExactly("workflows/w.yaml:7:3: error[wrong_indentation] 'message' is indented like a node id,"
                        + " but it is a key of node 'greet' above it; indent it under 'greet'");
    }
}
