package io.kapsocode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's goal and property tables and the plugin descriptor ({@code kapso:help} prints it) say the
 * same: every goal and every {@code kapso.*} property is documented, and nothing is documented that the
 * plugin does not have.
 */
class ReadmeMatchesDescriptorTest {

    static final Path README = Path.of("..", "README.md");

    @Test
    void everyGoalAndPropertyIsInTheReadmeAndNothingElse() throws IOException {
        String descriptor = Files.readString(PluginDescriptorTest.DESCRIPTOR, StandardCharsets.UTF_8);
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        Set<String> goals = all(Pattern.compile("<goal>([a-z-]+)</goal>"), descriptor);
        Set<String> documentedGoals = all(Pattern.compile("(?m)^\\| `kapso:([a-z-]+)` \\|"), readme);
        assertThat(documentedGoals).as("the README's goal table").containsExactlyInAnyOrderElementsOf(goals);

        Set<String> properties = all(Pattern.compile("\\$\\{(kapso\\.[A-Za-z.]+)}"), descriptor);
        Set<String> documented = new TreeSet<>();
        Matcher rows = Pattern.compile("(?m)^\\| (`kapso\\.[^|]+) \\|").matcher(readme);
        while (rows.find()) {
            documented.addAll(all(Pattern.compile("`(kapso\\.[A-Za-z.]+)`"), rows.group(1)));
        }
        assertThat(documented).as("the README's property table").containsExactlyInAnyOrderElementsOf(properties);
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
