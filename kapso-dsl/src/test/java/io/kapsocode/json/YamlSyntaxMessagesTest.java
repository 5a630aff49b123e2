package io.kapsocode.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML syntax errors say what is most likely wrong, where the author erred, and the fix. */
class YamlSyntaxMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "a colon in a flow map | slug: w\\nnodes:\\n  hi: {type: send_text, message: Hi: there}\\n"
                        + " | 3:36 | a value inside {...} or [...] on this line contains a ':'",
                "an unclosed quote | slug: w\\nnodes:\\n  hi:\\n    type: send_text\\n    message: \"Hi there\\n  bye: {}\\n"
                        + " | 5:14 | a quote opened here is never closed",
                "a tab | slug: w\\nnodes:\\n\\thi: {}\\n | 3:1 | a tab in the indentation",
                "a dedented key | slug: w\\nnodes:\\n  hi:\\n    type: send_text\\n   message: Hi\\n"
                        + " | 5:4 | this line's indentation matches none of the lines above it",
                "a colon in a plain value | slug: w\\nname: Order status: new\\n | 2:19 | a ': ' inside a value",
                "a key without colon | slug: w\\nnodes\\n  hi: {}\\n | 2:1 | a line without ':'",
                "an unclosed brace | slug: w\\nnodes:\\n  start: {next: a\\n | 3:10 | a '{' or '[' opened here is never"
                        + " closed",
            })
    void saysWhatToFix(String name, String yaml, String at, String explanation) {
        Diagnostics diagnostics = new Diagnostics();

        SourceDocument.parse("w.yaml", yaml.replace("\\n", "\n").replace("\\t", "\t"), SourceFormat.YAML, diagnostics);

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.format()).startsWith("w.yaml:" + at + ": error[syntax_error] " + explanation);
            assertThat(d.format()).contains("(YAML says: ");
        });
    }
}
