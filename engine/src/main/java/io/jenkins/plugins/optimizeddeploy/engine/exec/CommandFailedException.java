package io.jenkins.plugins.optimizeddeploy.engine.exec;

import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;

/** A command that could not start, timed out or exited non-zero; the message names the command, secrets masked. */
public final class CommandFailedException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult result;

    /** A command that ran: {@code problem} says how it failed, e.g. "timed out after PT30M and was killed". */
    public CommandFailedException(CommandResult result, String problem) {
        super(result.command() + ": " + problem);
        this.result = result;
    }

    /** A command that did not run to its end: it could not be started, or waiting for it was interrupted. */
    public CommandFailedException(String command, String problem, Throwable cause) {
        super(command + ": " + problem, cause);
        this.result = null;
    }

    /** The result when the command ran at all, else null (it could not be started). */
    public CommandResult result() {
        return result;
    }
}
