package io.kapsocode.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.model.Workflow;
import io.kapsocode.validate.ProjectValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of broken and hostile sources (truncated and mutated YAML and JSON, alias bombs,
 * deep nesting, huge strings, invalid UTF-8, wrong types, cyclic and enormous graphs, unknown node
 * types): each one is loaded, validated and, when valid, compiled, and must end in diagnostics or a
 * clean result. An exception, an error (out of memory included) or a case running past the hang bound
 * fails the test. The corpus is the same on every run (a fixed seed); {@code -Dhostile.cases=N} makes
 * it larger.
 */
class HostileInputTest {

    /** Far above any real case (milliseconds): only a hang or a runaway can reach it. */
    static final Duration HANG_BOUND = Duration.ofSeconds(60);

    static final Path CASES = Path.of("src/test/resources/cases");
    static final Path CLI_TREE = Path.of("src/test/resources/cli-tree/workflows/pulled-support");

    @TempDir
    Path work;

    /** One source tree: relative path to file bytes. */
    record Case(String name, Map<String, byte[]> files) {}

    @Test
    void everyHostileSourceEndsInDiagnosticsOrACleanResult() throws IOException {
        List<Case> corpus = corpus(Integer.getInteger("hostile.cases", 1200), new Random(20261130));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1000);

        List<String> failures = new ArrayList<>();
        int withDiagnostics = 0;
        long slowest = 0;
        String slowestCase = "";
        for (int i = 0; i < corpus.size(); i++) {
            Case hostile = corpus.get(i);
            Path root = work.resolve("case-" + i);
            for (Map.Entry<String, byte[]> file : hostile.files().entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            long start = System.nanoTime();
            try {
                LoadedProject loaded = new ProjectLoader(root, root).load();
                List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
                diagnostics.addAll(ProjectValidator.validate(loaded.project()));
                if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
                    for (Workflow workflow : loaded.project().workflows()) {
                        WorkflowCompiler.compile(workflow).definitionJson();
                    }
                }
                diagnostics.forEach(Diagnostic::format);
                if (!diagnostics.isEmpty()) {
                    withDiagnostics++;
                }
            } catch (Throwable t) { // an out-of-memory error is a finding too
                failures.add(hostile.name() + ": " + t);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > slowest) {
                slowest = millis;
                slowestCase = hostile.name();
            }
            if (millis > HANG_BOUND.toMillis()) {
                failures.add(hostile.name() + ": ran " + millis + " ms");
            }
            deleteRecursively(root);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "hostile-input.txt"),
                "cases: " + corpus.size() + "\nended in diagnostics: " + withDiagnostics + "\nloaded clean: "
                        + (corpus.size() - withDiagnostics - failures.size()) + "\nfailures: " + failures.size()
                        + "\nslowest: " + slowest + " ms (" + slowestCase + ")\n");
        assertThat(failures).isEmpty();
    }

    static List<Case> corpus(int size, Random random) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
        }
        byte[] definition = Files.readAllBytes(CLI_TREE.resolve("definition.json"));
        byte[] workflowYaml = Files.readAllBytes(CLI_TREE.resolve("workflow.yaml"));

        List<Case> corpus = new ArrayList<>(fixed());
        int n = 0;
        while (corpus.size() < size) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            switch (n++ % 6) {
                case 0 -> corpus.add(yaml("truncated-" + n, truncate(seed, random)));
                case 1 -> corpus.add(yaml("bytes-" + n, flipBytes(seed, random)));
                case 2 -> corpus.add(yaml("lines-" + n, shuffleLines(seed, random)));
                case 3 -> corpus.add(yaml("types-" + n, wrongTypes(seed, random)));
                case 4 -> corpus.add(cli("cli-json-" + n, workflowYaml, mutate(definition, random)));
                default -> corpus.add(cli("cli-yaml-" + n, mutate(workflowYaml, random), definition));
            }
        }
        return corpus;
    }

    /** Hand-made hostile cases. */
    static List<Case> fixed() {
        List<Case> cases = new ArrayList<>();
        StringBuilder bomb = new StringBuilder("slug: bomb\nnodes:\n  start: {}\nx0: &a0 [lol, lol, lol]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        cases.add(yaml("alias-bomb", bomb.toString()));
        cases.add(yaml("deep-flow-nesting", "slug: deep\nnodes: " + "[".repeat(100_000) + "]".repeat(100_000)));
        cases.add(yaml("deep-block-nesting", "slug: deep\nnodes:\n" + deepBlock(3_000)));
        cases.add(cli(
                "deep-json", "slug: deep\n", ("{\"nodes\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        cases.add(yaml(
                "huge-string",
                "slug: huge\nnodes:\n  start:\n    next: a\n  a:\n    type: send_text\n" + "    message: \""
                        + "x".repeat(2_000_000) + "\"\n"));
        cases.add(yaml("too-large-file", "slug: big\n# " + "y".repeat(33 * 1024 * 1024) + "\n"));
        cases.add(new Case("invalid-utf8", Map.of("workflows/bad.yaml", new byte[] {
            's', 'l', 'u', 'g', ':', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\n'
        })));
        cases.add(yaml("nul-bytes", "slug: nul\u0000\nnodes:\n  start:\u0000 {}\n"));
        cases.add(yaml("bom", "\uFEFFslug: bom\nnodes:\n  start: {}\n"));
        cases.add(yaml("empty", ""));
        cases.add(yaml("only-comments", "# nothing\n# here\n"));
        cases.add(yaml("tabs", "slug: tabs\nnodes:\n\tstart: {}\n"));
        cases.add(yaml("two-documents", "slug: a\n---\nslug: b\n"));
        cases.add(yaml("java-tag", "slug: !!java.lang.Runtime x\nnodes: !!javax.script.ScriptEngineManager [x]\n"));
        cases.add(yaml(
                "huge-number",
                "slug: n\nnodes:\n  start:\n    next: a\n  a:\n    type: wait_for_response\n" + "    timeout_seconds: 1"
                        + "0".repeat(10_000) + "\n"));
        cases.add(yaml("tiny-exponent", "slug: n\nsettings:\n  message_debounce_seconds: 1e999999999\n"));
        cases.add(yaml("duplicate-keys", "slug: d\nslug: e\nnodes:\n  start: {}\n  start: {}\n"));
        cases.add(yaml(
                "unknown-node-types",
                "slug: u\nnodes:\n  start:\n    next: a\n  a:\n    type: teleport\n"
                        + "    next: b\n  b:\n    type: pipedream\n"));
        cases.add(yaml("long-key", "slug: k\n" + "k".repeat(200_000) + ": v\n"));
        cases.add(yaml("cycle-5000", chain(5_000, true)));
        cases.add(yaml("chain-50000", chain(50_000, false)));
        cases.add(yaml(
                "self-loop",
                "slug: s\nnodes:\n  start:\n    next: a\n  a:\n    type: send_text\n"
                        + "    message: hi\n    next: a\n"));
        cases.add(yaml("scalar-document", "just a string\n"));
        cases.add(yaml("list-document", "- slug: a\n- slug: b\n"));
        cases.add(cli("cli-empty-json", "slug: e\n", new byte[0]));
        cases.add(cli("cli-json-array", "slug: e\n", "[1,2,3]".getBytes(StandardCharsets.UTF_8)));
        cases.add(cli(
                "cli-wrong-shapes",
                "slug: e\ntriggers: 7\n",
                "{\"nodes\":{\"a\":1},\"edges\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        return cases;
    }

    private static String deepBlock(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        return text.toString();
    }

    /** A chain of send_text nodes; closed into a cycle without a pause when asked. */
    private static String chain(int length, boolean cycle) {
        StringBuilder text = new StringBuilder("slug: chain\nnodes:\n  start:\n    next: n0\n");
        for (int i = 0; i < length; i++) {
            text.append("  n")
                    .append(i)
                    .append(":\n    type: send_text\n    message: m")
                    .append(i)
                    .append('\n');
            if (i + 1 < length || cycle) {
                text.append("    next: n").append(i + 1 < length ? i + 1 : 0).append('\n');
            }
        }
        return text.toString();
    }

    private static Case yaml(String name, String text) {
        return yaml(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Case yaml(String name, byte[] bytes) {
        return new Case(name, Map.of("workflows/" + "hostile.yaml", bytes));
    }

    private static Case cli(String name, String workflowYaml, byte[] definition) {
        return cli(name, workflowYaml.getBytes(StandardCharsets.UTF_8), definition);
    }

    private static Case cli(String name, byte[] workflowYaml, byte[] definition) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("workflows/hostile/workflow.yaml", workflowYaml);
        files.put("workflows/hostile/definition.json", definition);
        return new Case(name, files);
    }

    private static byte[] truncate(byte[] seed, Random random) {
        return java.util.Arrays.copyOf(seed, random.nextInt(seed.length));
    }

    private static byte[] flipBytes(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] shuffleLines(byte[] seed, Random random) {
        List<String> lines = new ArrayList<>(List.of(new String(seed, StandardCharsets.UTF_8).split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && lines.size() > 1; i++) {
            int a = random.nextInt(lines.size());
            int b = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> java.util.Collections.swap(lines, a, b);
                case 1 -> lines.add(b, lines.get(a));
                case 2 -> lines.remove(a);
                default ->
                    lines.set(a, " ".repeat(random.nextInt(6)) + lines.get(a).strip());
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] WRONG_VALUES = {
        "[1, 2]",
        "{a: b}",
        "42",
        "-1",
        "true",
        "null",
        "~",
        "\"\"",
        "3.5e300",
        "[]",
        "{}",
        "'{{vars.x}}'",
        "!!binary AAAA",
        "0x1F",
        ".nan",
        "[[[[]]]]"
    };

    /** Replaces the value of some {@code key: value} lines with a value of another type. */
    private static byte[] wrongTypes(byte[] seed, Random random) {
        String[] lines = new String(seed, StandardCharsets.UTF_8).split("\n", -1);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int line = random.nextInt(lines.length);
            int colon = lines[line].indexOf(": ");
            if (colon > 0) {
                lines[line] = lines[line].substring(0, colon + 2) + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> truncate(seed, random);
            case 1 -> flipBytes(seed, random);
            default -> shuffleLines(seed, random);
        };
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
