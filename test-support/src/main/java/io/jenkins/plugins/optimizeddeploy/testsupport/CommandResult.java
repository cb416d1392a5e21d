package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.util.List;

/** What a finished external command left behind. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result when the command exited 0, else an {@link IllegalStateException} with its output. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode
                    + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
        return this;
    }
}
