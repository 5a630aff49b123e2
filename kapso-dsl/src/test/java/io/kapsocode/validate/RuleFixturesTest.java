package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid and one valid fixture per rule, under {@code src/test/resources/rules}: {@code <code>.yaml}
 * (a workflow) or {@code <code>/} (a project tree), and {@code <code>.ok.yaml} or {@code <code>.ok/}.
 * Each faulty line declares what it must produce with a comment, {@code # expect: error[code]}, or, in a
 * file that cannot hold comments (Flow JSON), in a file beside it ({@code flow.json.expect}, lines such
 * as {@code 12: error[code]}); the diagnostics must equal the declarations exactly, nothing missing and
 * nothing extra.
 */
class RuleFixturesTest {

    private static final Path RULES = Path.of("src", "test", "resources", "rules");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.+)$");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> entries = Files.list(RULES)) {
            return entries
                    .map(p -> p.getFileName().toString())
                    .map(name -> name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** Where single-file fixtures are staged as projects; JUnit deletes it after each test. */
    @TempDir
    Path staging;

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void diagnosticsEqualTheDeclaredOnes(String fixture) throws IOException {
        Path root = Files.isDirectory(RULES.resolve(fixture)) ? RULES.resolve(fixture) : stage(fixture);
        LoadedProject loaded = new ProjectLoader(root, root).load();
        List<String> actual = new ArrayList<>();
        Stream.concat(loaded.diagnostics().stream(), ProjectValidator.validate(loaded.project()).stream())
                .map(RuleFixturesTest::key)
                .forEach(actual::add);

        assertThat(actual).as(fixture).containsExactlyInAnyOrderElementsOf(declared(root));

        String code = fixture.replace(".ok", "");
        if (fixture.endsWith(".ok")) {
            assertThat(actual).as("the valid fixture of %s", code).noneMatch(k -> k.contains("[" + code + "]"));
        } else {
            assertThat(actual).as("the invalid fixture of %s", code).anyMatch(k -> k.contains("[" + code + "]"));
        }
    }

    @Test
    void tenMistakesOfTenKindsAreAllReportedInOneRun() throws IOException {
        Path root = staging.resolve("ten-mistakes");
        Files.createDirectories(root.resolve("workflows"));
        Files.copy(
                Path.of("src", "test", "resources", "mistakes", "ten-mistakes.yaml"),
                root.resolve("workflows").resolve("ten-mistakes.yaml"));
        LoadedProject loaded = new ProjectLoader(root, root).load();
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(ProjectValidator.validate(loaded.project()));

        assertThat(diagnostics.stream().map(RuleFixturesTest::key).toList())
                .containsExactlyInAnyOrderElementsOf(declared(root));
        assertThat(diagnostics).hasSize(10);
        assertThat(diagnostics.stream().map(Diagnostic::code).distinct()).hasSize(10);
    }

    @Test
    void everyRuleHasAnInvalidAndAValidFixture() throws IOException {
        List<String> names = fixtures().toList();
        for (String name : names) {
            String twin = name.endsWith(".ok") ? name.replace(".ok", "") : name + ".ok";
            assertThat(names).as("twin of %s", name).contains(twin);
        }
        assertThat(names.size()).isGreaterThanOrEqualTo(2 * 45);
    }

    /** A single-file fixture is loaded as the only workflow of a temporary project. */
    private Path stage(String fixture) throws IOException {
        Path root = staging.resolve("rule-" + fixture);
        Files.createDirectories(root.resolve("workflows"));
        Files.copy(RULES.resolve(fixture + ".yaml"), root.resolve("workflows").resolve(fixture + ".yaml"));
        return root;
    }

    private static String key(Diagnostic d) {
        String where = d.sourceLocation()
                .map(l -> Path.of(l.file()).getFileName() + ":" + l.line())
                .orElse(d.subject() + " " + d.path());
        return where + ": " + d.severity().name().toLowerCase() + "[" + d.code() + "]";
    }

    private static List<String> declared(Path root) throws IOException {
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                List<String> lines = read(file);
                String name = file.getFileName().toString();
                if (name.endsWith(".expect")) {
                    // a file that cannot hold comments (JSON) has its expectations beside it: "12: error[code]"
                    lines.stream()
                            .filter(line -> !line.isBlank())
                            .forEach(line -> expected.add(
                                    name.substring(0, name.length() - ".expect".length()) + ":" + line.strip()));
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find()) {
                        for (String one : m.group(1).split(",")) {
                            expected.add(file.getFileName() + ":" + (i + 1) + ": " + one.trim());
                        }
                    }
                }
            }
        }
        return expected;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
