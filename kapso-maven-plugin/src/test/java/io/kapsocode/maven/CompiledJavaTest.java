package io.kapsocode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledJavaTest {

    @TempDir
    Path project;

    CompiledJava.Layout layout;

    @BeforeEach
    void layout() {
        layout = new CompiledJava.Layout(
                project,
                List.of(project.resolve("src/main/java")),
                List.of(project.resolve("src/main/resources")),
                project.resolve("target/classes"));
    }

    @Test
    void aProjectWithoutJavaDefinitionsNeedsNoClasses() throws IOException {
        write("src/main/java/app/Main.java", "package app; public class Main {}", 10);

        assertThat(CompiledJava.problem(layout)).isEmpty();
    }

    @Test
    void definitionsThatWereNeverCompiledAreNamed() throws IOException {
        write("src/main/resources/" + CompiledJava.SERVICES, "app.Workflows\n", 10);
        write(
                "src/main/java/app/Workflows.java",
                "package app; public class Workflows implements KapsoDefinitions {}",
                10);

        assertThat(CompiledJava.problem(layout))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("are not compiled")
                        .contains("target/classes/META-INF/services/io.kapsocode.dsl.KapsoDefinitions")
                        .contains("target/classes/app/Workflows.class"));
    }

    @Test
    void aSourceNamingKapsoDefinitionsDeclaresThemWithoutAServicesFile() throws IOException {
        write("src/main/java/app/Workflows.java", "package app; class Workflows implements KapsoDefinitions {}", 10);

        assertThat(CompiledJava.problem(layout)).isPresent();
    }

    @Test
    void compiledClassesNewerThanTheirSourcesPass() throws IOException {
        write("src/main/resources/" + CompiledJava.SERVICES, "app.Workflows\n", 10);
        write(
                "src/main/java/app/Workflows.java",
                "package app; public class Workflows implements KapsoDefinitions {}",
                10);
        write("src/main/java/app/Helpers.java", "package app; final class Other {}", 10); // no class of its name
        write("target/classes/" + CompiledJava.SERVICES, "app.Workflows\n", 20);
        write("target/classes/app/Workflows.class", "", 20);

        assertThat(CompiledJava.problem(layout)).isEmpty();
    }

    @Test
    void aSourceEditedAfterCompilingIsStale() throws IOException {
        write(
                "src/main/java/app/Workflows.java",
                "package app; public class Workflows implements KapsoDefinitions {}",
                30);
        write("target/classes/app/Workflows.class", "", 20);

        Optional<String> problem = CompiledJava.problem(layout);
        assertThat(problem)
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("older than their sources")
                        .contains("src/main/java/app/Workflows.java changed since it was compiled"));
    }

    @Test
    void manyStaleClassesAreCounted() throws IOException {
        for (int i = 0; i < 5; i++) {
            write(
                    "src/main/java/app/W" + i + ".java",
                    "package app; class W" + i + " implements KapsoDefinitions {}",
                    30);
        }

        assertThat(CompiledJava.problem(layout))
                .hasValueSatisfying(p -> assertThat(p).contains("and 2 more"));
    }

    private void write(String relative, String text, long epochSecond) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + epochSecond)));
    }
}
