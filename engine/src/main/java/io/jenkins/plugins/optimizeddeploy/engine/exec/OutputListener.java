package io.jenkins.plugins.optimizeddeploy.engine.exec;

/** Receives each output line of a running command as it is printed, secrets already masked. */
@FunctionalInterface
public interface OutputListener {
    /** Ignores every line. */
    OutputListener IGNORE = (stream, line) -> { };

    /** Called from the thread reading {@code stream}; implementations must be thread-safe. */
    void line(OutputStreamName stream, String line);
}
