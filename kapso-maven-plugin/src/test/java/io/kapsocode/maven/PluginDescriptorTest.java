package io.kapsocode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code mvn help:describe} shows comes from the generated descriptor: it must read right. */
class PluginDescriptorTest {

    static final Path DESCRIPTOR = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");

    @Test
    void theDescriptionNamesEveryGoalAndNoTextIsSwallowedAsHtml() throws IOException {
        String descriptor = Files.readString(DESCRIPTOR, StandardCharsets.UTF_8);

        assertThat(descriptor)
                .contains("(goals validate, build, test, graph)")
                .contains("(plan, apply)")
                .contains("(pull, migrate)")
                .doesNotContain("Goals validate and build")
                .contains("environments/NAME.yaml")
                .doesNotContain("environments/.yaml")
                .doesNotContain("environments/&lt;name&gt;");
    }
}
