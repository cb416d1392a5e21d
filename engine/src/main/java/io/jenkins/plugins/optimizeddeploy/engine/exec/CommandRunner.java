package io.jenkins.plugins.optimizeddeploy.engine.exec;

/** Runs external commands. The one way the engine starts a process, so masking and timeouts hold everywhere. */
public interface CommandRunner {
    /**
     * Runs {@code command} to completion, streaming each output line to {@code listener}.
     *
     * @return the result whatever the exit code
     * @throws CommandFailedException when it cannot be started or runs past its timeout (it is then killed)
     */
    CommandResult run(Command command, OutputListener listener);

    /** {@link #run(Command, OutputListener)} ignoring the output as it comes. */
    default CommandResult run(Command command) {
        return run(command, OutputListener.IGNORE);
    }
}
