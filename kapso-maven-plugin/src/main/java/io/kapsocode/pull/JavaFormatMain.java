package io.kapsocode.pull;

import com.palantir.javaformat.java.Formatter;
import com.palantir.javaformat.java.FormatterException;
import com.palantir.javaformat.java.ImportOrderer;
import com.palantir.javaformat.java.JavaFormatterOptions;
import com.palantir.javaformat.java.RemoveUnusedImports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Formats Java files in place with palantir-java-format, imports ordered and unused ones removed, as
 * this project's Spotless configuration does. Run in its own JVM: the formatter needs the JDK
 * compiler's internal packages exported, which a Maven plugin cannot ask of Maven's JVM.
 */
public final class JavaFormatMain {

    private JavaFormatMain() {}

    public static void main(String[] files) throws IOException, FormatterException {
        Formatter formatter = Formatter.createFormatter(JavaFormatterOptions.builder()
                .style(JavaFormatterOptions.Style.PALANTIR)
                .build());
        for (String name : files) {
            Path file = Path.of(name);
            String formatted = formatter.formatSource(Files.readString(file, StandardCharsets.UTF_8));
            formatted = RemoveUnusedImports.removeUnusedImports(
                    ImportOrderer.reorderImports(formatted, JavaFormatterOptions.Style.PALANTIR));
            Files.writeString(file, formatted, StandardCharsets.UTF_8);
        }
    }
}
