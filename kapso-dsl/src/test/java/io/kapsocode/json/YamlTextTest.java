package io.kapsocode.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** YAML written for people: long prompts stay readable. */
class YamlTextTest {

    @Test
    void multiLineTextIsALiteralBlockAndLongLinesAreNotFolded() {
        String longLine = "You answer questions about Acme invoices and refunds, briefly and kindly, and hand the"
                + " conversation to a person for any refund above 100 EUR.";
        ObjectNode tree =
                Json.object().put("system_prompt", "Be kind.\nBe brief.\n").put("message", longLine);

        String yaml = YamlText.writeInOrder(tree);

        assertThat(yaml).contains("system_prompt: |\n  Be kind.\n  Be brief.\n");
        assertThat(yaml.lines().filter(line -> line.startsWith("message: ")))
                .as("the long line stays one line, not folded with \\ continuations")
                .singleElement()
                .satisfies(line -> assertThat(line).contains(longLine));
    }
}
