package io.kapsocode.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decide branch opened with {@code when} but given no target must be a compile error, not a runtime one. */
class DecideBranchTypingTest {

    private static final String TEMPLATE = """
            import io.kapsocode.dsl.Kapso;
            class Flow {
                Object build() {
                    return Kapso.workflow("routing").name("Routing").start()
                            .decide("route", d -> d.when("yes").goTo("a")%s)
                            .build();
                }
            }
            """;

    @Test
    void aBranchWithATargetCompiles() {
        assertThat(compile(TEMPLATE.formatted(".when(\"no\").goTo(\"b\")"))).isEmpty();
    }

    @Test
    void aBranchWithoutATargetDoesNotCompile() {
        assertThat(compile(TEMPLATE.formatted(".when(\"no\")")))
                .anySatisfy(error -> assertThat(error).contains("DecideSpec"));
    }

    @Test
    void aDescribedBranchWithoutATargetDoesNotCompile() {
        assertThat(compile(TEMPLATE.formatted(".when(\"no\").describedAs(\"Anything else\")")))
                .isNotEmpty();
    }

    /** Where javac writes the classes; JUnit deletes it after each test. */
    @TempDir
    Path out;

    private List<String> compile(String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Flow.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options =
                List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-d", out.toString());
        compiler.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file))
                .call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null))
                .toList();
    }
}
