package io.kapsocode.maven;

import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.dsl.KapsoDefinitions;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link KapsoDefinitions} a project declares in Java, on its compiled classes and compile
 * classpath. The plugin's own class loader is the parent, so the model types the project's code
 * returns are the ones the plugin knows.
 */
final class JavaDefinitions {

    private JavaDefinitions() {}

    /**
     * Runs every declared {@link KapsoDefinitions}. A definition that throws (a mistake in the builder
     * calls, such as a duplicate node id) becomes an error naming the class; the others still load.
     */
    static Project load(List<String> classpath, Diagnostics diagnostics) {
        List<Workflow> workflows = new ArrayList<>();
        List<FunctionDefinition> functions = new ArrayList<>();
        List<WhatsappFlow> flows = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(urls(classpath), JavaDefinitions.class.getClassLoader())) {
            var providers =
                    ServiceLoader.load(KapsoDefinitions.class, loader).stream().iterator();
            while (true) {
                ServiceLoader.Provider<KapsoDefinitions> provider;
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    provider = providers.next();
                } catch (ServiceConfigurationError e) {
                    diagnostics.error(
                            "java_definitions_failed",
                            "cannot load a class listed in META-INF/services/" + KapsoDefinitions.class.getName()
                                    + ": " + e.getMessage() + "; fix the class name or make it public with a"
                                    + " public no-argument constructor",
                            "",
                            "",
                            null);
                    continue;
                }
                String name = provider.type().getName();
                try {
                    KapsoDefinitions definitions = provider.get();
                    workflows.addAll(definitions.workflows());
                    functions.addAll(definitions.functions());
                    flows.addAll(definitions.whatsappFlows());
                } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                    diagnostics.add(new io.kapsocode.diagnostic.Diagnostic(
                            io.kapsocode.diagnostic.Severity.ERROR,
                            "java_definitions_failed",
                            name + " failed: " + describe(e) + "; fix the builder calls it makes",
                            "class " + name,
                            "",
                            io.kapsocode.dsl.CallSite.of(e).orElse(null)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Project(workflows, functions, flows);
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static URL[] urls(List<String> classpath) {
        List<URL> urls = new ArrayList<>();
        for (String element : classpath) {
            try {
                urls.add(new File(element).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("classpath element " + element, e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
