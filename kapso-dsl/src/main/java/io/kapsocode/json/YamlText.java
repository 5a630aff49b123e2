package io.kapsocode.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes YAML for people to read in code review: keys sorted, no document marker, quotes only where
 * needed, and strings that look like numbers (phone number ids) always quoted so they stay strings.
 * Multi-line text (prompts, messages) is a literal block ({@code |}), and no line is folded with
 * {@code \} continuations.
 */
public final class YamlText {

    private static final ObjectWriter WRITER = new YAMLMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .writer();

    private YamlText() {}

    /** {@code tree} as YAML, keys in the order the tree holds them: for files laid out for people. */
    public static String writeInOrder(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** {@code tree} as YAML, keys sorted at every level. */
    public static String write(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(CanonicalJson.canonicalize(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
