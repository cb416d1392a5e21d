package io.jenkins.plugins.optimizeddeploy.engine.exec;

import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;
import java.time.Duration;

/** A command that could not start, timed out or exited non-zero; the message names the command, secrets masked. */
public final class CommandFailedException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult result;
    private final boolean timedOut;

    /** A command that ran: {@code problem} says how it failed. */
    public CommandFailedException(CommandResult result, String problem) {
        this(result, problem, false);
    }

    private CommandFailedException(CommandResult result, String problem, boolean timedOut) {
        super(result.command() + ": " + problem);
        this.result = result;
        this.timedOut = timedOut;
    }

    /** A command that did not run to its end: it could not be started, or waiting for it was interrupted. */
    public CommandFailedException(String command, String problem, Throwable cause) {
        super(command + ": " + problem, cause);
        this.result = null;
        this.timedOut = false;
    }

    /** A command killed at its {@code timeout}; {@code result} holds what it printed until then. */
    public static CommandFailedException timedOut(CommandResult result, Duration timeout) {
        return new CommandFailedException(result, "timed out after " + timeout + " and was killed", true);
    }

    /** Whether the command ran past its timeout (and was killed), rather than failing on its own. */
    public boolean timedOut() {
        return timedOut;
    }

    /** The result when the command ran at all, else null (it could not be started). */
    public CommandResult result() {
        return result;
    }
}
