package io.kapsocode.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The DSL reference ({@code kapso-dsl/dsl-reference.md}) is generated from the builders' sources: every
 * public method with its first Javadoc sentence and a one-line call, grouped by what it configures. The
 * committed file must equal what the sources generate, so it cannot drift; regenerate with
 * {@code -Dgolden.update=true}.
 */
class DslReferenceTest {

    static final Path SOURCES = Path.of("src", "main", "java", "io", "kapsocode", "dsl");
    static final Path REFERENCE = Path.of("dsl-reference.md");

    /** Each builder, in reading order, with what it configures. */
    static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Kapso", "Entry points");
        GROUPS.put("WorkflowBuilder", "Workflows: metadata, triggers, nodes and edges");
        GROUPS.put("NodeSpec", "Every node");
        GROUPS.put("MessageSpec", "Every message node (send_text, send_template, send_interactive)");
        GROUPS.put("SendTextSpec", "send_text");
        GROUPS.put("SendTemplateSpec", "send_template");
        GROUPS.put("SendInteractiveSpec", "send_interactive");
        GROUPS.put("WaitForResponseSpec", "wait_for_response");
        GROUPS.put("DecideSpec", "decide");
        GROUPS.put("FunctionSpec", "function");
        GROUPS.put("WebhookSpec", "webhook");
        GROUPS.put("AgentSpec", "agent");
        GROUPS.put("CallSpec", "call");
        GROUPS.put("HandoffSpec", "handoff");
        GROUPS.put("EmitEventSpec", "emit_event");
        GROUPS.put("FunctionBuilder", "Functions");
        GROUPS.put("WhatsappFlowBuilder", "WhatsApp Flows");
        GROUPS.put("FlowJsonBuilder", "WhatsApp Flow JSON in Java");
        GROUPS.put("FlowScreenSpec", "WhatsApp Flow screens");
    }

    private static final Pattern SIGNATURE =
            Pattern.compile("^\\s*public (?:static )?(?:<[^>]+> )?[\\w<>?,. \\[\\]]+ (\\w+)\\((.*)$");

    @Test
    void theReferenceIsWhatTheSourcesSay() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("regenerate with -Dgolden.update=true")
                .isEqualTo(generated);
    }

    @Test
    void everyMethodOfTheReferenceSaysWhatItDoes() throws IOException {
        assertThat(generate().lines().filter(line -> line.startsWith("| `.")))
                .as("a public builder method without a Javadoc sentence")
                .noneMatch(line -> line.endsWith("|  |"));
    }

    @Test
    void everyBuilderOfThePackageIsInTheReference() throws IOException {
        try (var files = Files.list(SOURCES)) {
            List<String> builders = files.map(p -> p.getFileName().toString().replace(".java", ""))
                    .filter(n -> n.endsWith("Spec") || n.endsWith("Builder") || n.equals("Kapso"))
                    .filter(n -> !n.equals("RawSpec") && !n.equals("SetVariableSpec"))
                    .toList();
            assertThat(GROUPS.keySet()).containsAll(builders);
        }
    }

    static String generate() throws IOException {
        StringBuilder out = new StringBuilder("""
                # Java DSL reference

                Every public method of the builders in `io.kapsocode.dsl`, generated from their sources by
                `DslReferenceTest` (the build fails if this file and the sources disagree). Node methods take
                an optional last argument, a lambda that configures the node's spec (`s -> s.displayName("...")`).

                """);
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            String source = Files.readString(SOURCES.resolve(group.getKey() + ".java"), StandardCharsets.UTF_8);
            out.append("## ")
                    .append(group.getValue())
                    .append(" (`")
                    .append(group.getKey())
                    .append("`)\n\n");
            out.append("| Call | What it does |\n| --- | --- |\n");
            for (String[] method : methods(source)) {
                if (method[0].equals(group.getKey())) {
                    continue; // a constructor
                }
                out.append("| `")
                        .append(group.getKey().equals("Kapso") ? "Kapso." : ".")
                        .append(method[0])
                        .append('(')
                        .append(parameterNames(method[1]))
                        .append(")` | ")
                        .append(firstSentence(method[2]))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Each public method as {name, parameters, javadoc}, read line by line (signatures may wrap). */
    private static List<String[]> methods(String source) {
        List<String[]> methods = new java.util.ArrayList<>();
        String[] lines = source.split("\n");
        StringBuilder javadoc = null;
        String lastJavadoc = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("/**")) {
                javadoc = new StringBuilder();
            }
            if (javadoc != null) {
                javadoc.append(line).append('\n');
                if (line.endsWith("*/")) {
                    lastJavadoc = javadoc.toString();
                    javadoc = null;
                }
                continue;
            }
            Matcher m = SIGNATURE.matcher(lines[i]);
            if (m.matches() && lines[i].startsWith("    public")) {
                StringBuilder parameters = new StringBuilder(m.group(2));
                while (!parameters.toString().contains(")") && i + 1 < lines.length) {
                    parameters.append(' ').append(lines[++i].strip());
                }
                String list = parameters.substring(0, parameters.indexOf(")"));
                methods.add(new String[] {m.group(1), list, lastJavadoc});
                lastJavadoc = null;
            } else if (!line.isEmpty() && !line.startsWith("@")) {
                lastJavadoc = null;
            }
        }
        return methods;
    }

    private static String parameterNames(String parameters) {
        if (parameters.isBlank()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : (parameters + ",").toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String parameter = current.toString().strip();
                names.append(names.isEmpty() ? "" : ", ").append(parameter.substring(parameter.lastIndexOf(' ') + 1));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return names.toString();
    }

    /** {@code {@code x}} and {@code {@link x}} as Markdown code, braces inside them balanced. */
    private static String codeSpans(String javadoc) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < javadoc.length()) {
            int tag = javadoc.indexOf("{@", i);
            if (tag < 0) {
                out.append(javadoc.substring(i));
                break;
            }
            out.append(javadoc, i, tag);
            int space = javadoc.indexOf(' ', tag);
            int depth = 1;
            int j = space + 1;
            while (j < javadoc.length() && depth > 0) {
                char c = javadoc.charAt(j);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                j++;
            }
            out.append('`').append(javadoc, space + 1, j - 1).append('`');
            i = j;
        }
        return out.toString();
    }

    private static String firstSentence(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = codeSpans(javadoc)
                .replaceAll("/\\*\\*|\\*/", "")
                .replaceAll("(?m)^\\s*\\*\\s?", " ")
                .replaceAll("</?(?:p|pre|ul|ol|li|b|i|em|strong|a)(?:\\s[^>]*)?>", "")
                .replaceAll("\\s+", " ")
                .strip();
        int atTag = text.indexOf(" @");
        text = atTag >= 0 ? text.substring(0, atTag) : text;
        int end = text.indexOf(". ");
        String sentence = end >= 0 ? text.substring(0, end + 1) : text;
        return sentence.replace("|", "\\|");
    }
}
