package io.kapsocode.json;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's syntax errors in words an author can act on: what is most likely wrong and the fix. The
 * parser's own wording follows in parentheses, for those who know it.
 */
final class YamlSyntax {

    private YamlSyntax() {}

    /** A sentence with the fix, or {@code null} for an error without a known explanation. */
    static String explain(MarkedYAMLException yaml) {
        String context = yaml.getContext() == null ? "" : yaml.getContext();
        String problem = yaml.getProblem() == null ? "" : yaml.getProblem();
        if (problem.contains("\\t") || problem.contains("(TAB)")) {
            return "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces";
        }
        if (context.contains("quoted scalar")) {
            return "a quote opened here is never closed; close it, or quote the text with the other kind of quote"
                    + " if it contains this one";
        }
        if (unclosedBracket(context, problem)) {
            return "a '{' or '[' opened here is never closed; close it";
        }
        if (context.contains("flow mapping") || context.contains("flow sequence")) {
            return "a value inside {...} or [...] on this line contains a ':', ',', '?' or '#'; quote the text, as in"
                    + " message: \"Hi, there: welcome\"";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "a ': ' inside a value, or a key indented too far; quote the value (\"...\") if it contains ': ',"
                    + " or indent this line like the keys beside it";
        }
        if (context.contains("block mapping") && problem.contains("expected <block end>")) {
            return "this line's indentation matches none of the lines above it; indent it exactly like the keys"
                    + " beside it";
        }
        if (problem.contains("could not find expected ':'")) {
            return "a line without ':' where 'key: value' was expected; add the ':' after the key, or fix the"
                    + " indentation";
        }
        return null;
    }

    /** Whether the error is best shown where it began (an opening quote, a key) rather than where it was found. */
    static boolean startsAtContext(MarkedYAMLException yaml) {
        String context = yaml.getContext() == null ? "" : yaml.getContext();
        String problem = yaml.getProblem() == null ? "" : yaml.getProblem();
        return yaml.getContextMark() != null
                && (context.contains("quoted scalar")
                        || context.contains("simple key")
                        || unclosedBracket(context, problem));
    }

    private static boolean unclosedBracket(String context, String problem) {
        return (context.contains("flow mapping") || context.contains("flow sequence"))
                && problem.contains("<stream end>");
    }
}
