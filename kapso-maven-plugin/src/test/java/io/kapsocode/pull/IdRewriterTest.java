package io.kapsocode.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class IdRewriterTest {

    static final String FUNCTION = "5b1f0c2e-8d4a-4f6b-9c3e-2a7d1e0f9b84";
    static final String WORKFLOW = "9e2d7c55-1b3a-4f0e-8d6c-4a5b6c7d8e9f";
    static final String MODEL = "0d9c5a8e-7a33-4c55-8f0e-2b5f9e1c7a11";

    static final BiFunction<String, String, Optional<String>> NAMES = (key, id) ->
            Optional.ofNullable(Map.of(FUNCTION, "compute-estimate", WORKFLOW, "billing", MODEL, "gpt-5-mini")
                    .get(id));

    @Test
    void aDefinitionChangesOnlyInItsReferences() {
        String before = """
                {
                 "nodes": [
                  {"id": "compute", "data": {"node_type": "function", "config": {
                   "function_id": "%1$s",
                   "function_name": "Compute Estimate"}}},
                  {"id": "advisor", "data": {"node_type": "agent", "config": {"flow_agent_function_tools": [
                   {"name": "estimate", "function_id": "%1$s", "function_slug": "compute-estimate", "input_schema": {}},
                   {"name": "again", "function_slug": "compute-estimate",
                    "function_id": "%1$s"}
                  ], "provider_model_id": "%3$s"}}},
                  {"id": "sub", "data": {"node_type": "call", "config": {"workflow_id": "%2$s"}}}
                 ]
                }""".formatted(FUNCTION, WORKFLOW, MODEL);

        IdRewriter.Result result = IdRewriter.rewrite(before, true, NAMES);

        assertThat(result.text()).isEqualTo("""
                {
                 "nodes": [
                  {"id": "compute", "data": {"node_type": "function", "config": {
                   "function_slug": "compute-estimate",
                   "function_name": "Compute Estimate"}}},
                  {"id": "advisor", "data": {"node_type": "agent", "config": {"flow_agent_function_tools": [
                   {"name": "estimate", "function_slug": "compute-estimate", "input_schema": {}},
                   {"name": "again", "function_slug": "compute-estimate"}
                  ], "provider_model_name": "gpt-5-mini"}}},
                  {"id": "sub", "data": {"node_type": "call", "config": {"workflow_slug": "billing"}}}
                 ]
                }""");
        assertThat(result.unmapped()).isEmpty();
        assertThat(IdRewriter.rewrite(result.text(), true, NAMES).changed())
                .as("a second run")
                .isFalse();
    }

    @Test
    void yamlKeepsCommentsAndFlowMaps() {
        String before = """
                slug: estimate   # the estimate bot
                nodes:
                  start: {next: compute}
                  # compute it remotely
                  compute: {type: function, function_id: %1$s, next: call}
                  call:
                    type: call
                    workflow_id: "%2$s"  # billing
                    workflow_slug: billing
                    next: bye
                  bye: {type: send_text, message: "Bye, friend"}
                """.formatted(FUNCTION, WORKFLOW);

        IdRewriter.Result result = IdRewriter.rewrite(before, false, NAMES);

        assertThat(result.text()).isEqualTo("""
                slug: estimate   # the estimate bot
                nodes:
                  start: {next: compute}
                  # compute it remotely
                  compute: {type: function, function_slug: compute-estimate, next: call}
                  call:
                    type: call
                    workflow_slug: billing
                    next: bye
                  bye: {type: send_text, message: "Bye, friend"}
                """);
        assertThat(result.rewritten()).isEqualTo(2);
    }

    @Test
    void textBeforeTheReferenceMayHoldEmojiAndCombiningMarks() {
        String yaml = "name: Café 👋🏽 e\u0301\nnodes:\n  run: {type: function, function_id: " + FUNCTION + "}\n";
        String json = "{\"name\": \"👋🏽 e\u0301\", \"config\": {\"function_id\": \"" + FUNCTION + "\"}}";

        assertThat(IdRewriter.rewrite(yaml, false, NAMES).text())
                .isEqualTo(
                        "name: Café 👋🏽 e\u0301\nnodes:\n  run: {type: function, function_slug: compute-estimate}\n");
        assertThat(IdRewriter.rewrite(json, true, NAMES).text())
                .isEqualTo("{\"name\": \"👋🏽 e\u0301\", \"config\": {\"function_slug\": \"compute-estimate\"}}");
    }

    @Test
    void anIdNoOneKnowsIsLeftAndListed() {
        String before = "{\"config\": {\"function_id\": \"00000000-0000-4000-8000-000000000000\"}}";

        IdRewriter.Result result = IdRewriter.rewrite(before, true, NAMES);

        assertThat(result.text()).isEqualTo(before);
        assertThat(result.unmapped()).containsExactly("function_id '00000000-0000-4000-8000-000000000000'");
    }
}
