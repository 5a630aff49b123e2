package io.kapsocode.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of the Mermaid flowcharts this tool writes, checked line by line: a header, node
 * definitions with one of the shapes and a quoted label without a raw quote, edges between defined
 * nodes with an optional quoted label, class definitions and assignments to defined nodes, and link
 * styles whose index names an edge. What GitHub would refuse to render fails here; the tests of every
 * picture this tool writes check it.
 */
public final class MermaidGrammar {

    private static final String LABEL = "\"[^\"\\n]*\"";
    private static final Pattern NODE = Pattern.compile("^    (n\\d+)(\\(\\[" + LABEL + "\\]\\)|\\[/" + LABEL
            + "/\\]|\\{\\{" + LABEL + "\\}\\}|\\{" + LABEL + "\\}|\\[\\[" + LABEL + "\\]\\]|\\(" + LABEL + "\\)|>"
            + LABEL + "\\]|\\[" + LABEL + "\\])$");
    private static final Pattern EDGE = Pattern.compile("^    (n\\d+) (-->|-\\.->)(\\|" + LABEL + "\\|)? (n\\d+)$");
    private static final Pattern CLASS_DEF = Pattern.compile("^    classDef [a-z]+ [a-z-]+:[#\\w .:,-]+$");
    private static final Pattern CLASS = Pattern.compile("^    class (n\\d+(?:,n\\d+)*) [a-z]+$");
    private static final Pattern LINK_STYLE = Pattern.compile("^    linkStyle (\\d+) [a-z-]+:[#\\w .:,-]+$");

    private MermaidGrammar() {}

    /** What breaks the grammar, one line each; empty when the chart is well formed. */
    public static List<String> problems(String chart) {
        List<String> problems = new ArrayList<>();
        String[] lines = chart.split("\n", -1);
        if (!lines[0].equals("flowchart TD")) {
            problems.add("the first line is not 'flowchart TD': " + lines[0]);
        }
        Set<String> nodes = new HashSet<>();
        int edges = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                continue;
            }
            Matcher m;
            if ((m = NODE.matcher(line)).matches()) {
                if (!nodes.add(m.group(1))) {
                    problems.add("line " + (i + 1) + " defines " + m.group(1) + " twice");
                }
            } else if ((m = EDGE.matcher(line)).matches()) {
                edges++;
                for (String end : List.of(m.group(1), m.group(4))) {
                    if (!nodes.contains(end)) {
                        problems.add("line " + (i + 1) + " links " + end + ", which no line above defines");
                    }
                }
            } else if ((m = CLASS.matcher(line)).matches()) {
                for (String member : m.group(1).split(",")) {
                    if (!nodes.contains(member)) {
                        problems.add("line " + (i + 1) + " styles " + member + ", which is not defined");
                    }
                }
            } else if ((m = LINK_STYLE.matcher(line)).matches()) {
                if (Integer.parseInt(m.group(1)) >= edges) {
                    problems.add("line " + (i + 1) + " styles link " + m.group(1) + " of " + edges);
                }
            } else if (!CLASS_DEF.matcher(line).matches()) {
                problems.add("line " + (i + 1) + " is no Mermaid statement this tool writes: " + line);
            }
        }
        return problems;
    }
}
