package io.jenkins.plugins.optimizeddeploy.engine.errors;

import java.util.Objects;

/**
 * A problem the user can act on, with a message that says in one line what was being done, to which input, and what
 * went wrong. Its {@link #kind()} decides the command line's exit code and the line a Jenkins step fails with; any
 * other exception out of the engine is a bug and keeps its stack trace. The engine's typed exceptions extend one of
 * the three kinds.
 */
public abstract sealed class EngineException extends RuntimeException
        permits BadInputException, GateFailedException, OperationFailedException {
    private static final long serialVersionUID = 1L;

    EngineException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "an engine exception needs a message"), cause);
    }

    /** How the user hears of this problem. */
    public abstract ErrorKind kind();
}
