package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own running a class of the test's class path, for what only shows between processes: a lock held by
 * another process, a signal, the CLI's exit code and output as a shell sees them. Starting one is starting a real
 * component, so a test that does is an {@code *IT}.
 */
public final class JavaProcess {
    private JavaProcess() {
    }

    /** A process builder for {@code main} with {@code arguments}, run by this JVM's java on this JVM's class path. */
    public static ProcessBuilder of(Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }
}
