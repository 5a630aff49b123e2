package io.kapsocode.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.json.YamlText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adopting an edit made in Kapso changes exactly the edited lines of a file an author keeps. */
class InPlaceEditTest {

    static final String HAND_WRITTEN = """
            # Order status: kept by hand. Comments, order and style must survive a pull.
            slug: order-status
            name: Order status
            nodes:
              start: {next: ask}   # the first thing the customer sees
              ask:
                type: send_text
                message: "Hi! What is your order number?"
                next: wait
              wait: {type: wait_for_response, timeout_seconds: 900, save_response_to: order_number, next: bye}
              bye:
                type: send_text
                message: Thanks, we are on it.
            """;

    @Test
    void aOneLineDashboardEditIsAOneLineDiff() throws IOException {
        ObjectNode tree = (ObjectNode) new YAMLMapper().readTree(HAND_WRITTEN);
        ((ObjectNode) tree.get("nodes").get("ask")).put("message", "Hello! Your order number, please?");
        ((ObjectNode) tree.get("nodes").get("wait")).put("timeout_seconds", 1800);
        String pulledAnew = YamlText.write(tree); // how pull would write the whole file

        String adopted = InPlaceEdit.apply(HAND_WRITTEN, pulledAnew, false).orElseThrow();

        assertThat(changedLines(HAND_WRITTEN, adopted))
                .containsExactly(
                        "    message: \"Hello! Your order number, please?\"",
                        "  wait: {type: wait_for_response, timeout_seconds: 1800, save_response_to: order_number,"
                                + " next: bye}");
    }

    @Test
    void aPlainValueStaysPlainWhenItCan() throws IOException {
        ObjectNode tree = (ObjectNode) new YAMLMapper().readTree(HAND_WRITTEN);
        ((ObjectNode) tree.get("nodes").get("bye")).put("message", "Thanks a lot");

        String adopted =
                InPlaceEdit.apply(HAND_WRITTEN, YamlText.write(tree), false).orElseThrow();

        assertThat(changedLines(HAND_WRITTEN, adopted)).containsExactly("    message: Thanks a lot");
    }

    @Test
    void aDefinitionJsonChangesOnlyTheEditedValue() {
        String written = """
                {
                  "nodes": [
                    {"id": "start", "data": {"node_type": "start", "config": {}}},
                    {
                      "id": "ask",
                      "data": {
                        "node_type": "send_text",
                        "config": {"message": "Hi!"}
                      }
                    }
                  ],
                  "edges": [{"source": "start", "target": "ask", "label": "next"}]
                }
                """;
        ObjectNode tree = (ObjectNode) Json.tryParse(written).orElseThrow();
        ((ObjectNode) tree.get("nodes").get(1).get("data").get("config")).put("message", "Hello!");

        String adopted =
                InPlaceEdit.apply(written, CanonicalJson.write(tree), true).orElseThrow();

        assertThat(changedLines(written, adopted)).containsExactly("        \"config\": {\"message\": \"Hello!\"}");
    }

    @Test
    void aChangeOfShapeIsNoInPlaceEdit() throws IOException {
        ObjectNode tree = (ObjectNode) new YAMLMapper().readTree(HAND_WRITTEN);
        ((ObjectNode) tree.get("nodes")).putObject("extra").put("type", "handoff");

        assertThat(InPlaceEdit.apply(HAND_WRITTEN, YamlText.write(tree), false)).isEmpty();
    }

    @Test
    void aBlockScalarIsRewrittenNotPatched() throws IOException {
        String written =
                "slug: a\nnodes:\n  bot:\n    type: agent\n    system_prompt: |\n      Be kind.\n      Be brief.\n";
        ObjectNode tree = (ObjectNode) new YAMLMapper().readTree(written);
        ((ObjectNode) tree.get("nodes").get("bot")).put("system_prompt", "Be kind.\nBe very brief.\n");

        assertThat(InPlaceEdit.apply(written, YamlText.write(tree), false)).isEmpty();
    }

    private static List<String> changedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        assertThat(b).as("no line added or removed").hasSameSizeAs(a);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                changed.add(b[i]);
            }
        }
        return changed;
    }
}
