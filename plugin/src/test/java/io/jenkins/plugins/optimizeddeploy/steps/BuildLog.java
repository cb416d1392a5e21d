package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build log that keeps what was written, as the agent's listener forwards it to the controller. */
public final class BuildLog implements TaskListener {
    private static final long serialVersionUID = 1L;
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return logger == null ? new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8) : logger;
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
