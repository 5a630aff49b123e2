package io.kapsocode.maven;

import io.kapsocode.pull.JavaFormatMain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/** Runs {@link JavaFormatMain} in a forked JVM on the plugin's own classpath. */
final class JavaFormatting {

    private static final List<String> EXPORTS = List.of("api", "code", "file", "parser", "tree", "util");

    private JavaFormatting() {}

    static void format(PluginDescriptor plugin, List<Path> files) throws MojoExecutionException {
        List<String> classpath = new ArrayList<>();
        classpath.add(plugin.getPluginArtifact().getFile().getAbsolutePath());
        for (Artifact artifact : plugin.getArtifacts()) {
            classpath.add(artifact.getFile().getAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        EXPORTS.forEach(p -> command.add("--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED"));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(JavaFormatMain.class.getName());
        files.forEach(f -> command.add(f.toString()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new MojoExecutionException("formatting the pulled Java failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot run the Java formatter: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("formatting the pulled Java was interrupted", e);
        }
    }
}
