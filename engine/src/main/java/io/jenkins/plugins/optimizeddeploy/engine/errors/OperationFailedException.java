package io.jenkins.plugins.optimizeddeploy.engine.errors;

/** Work that was attempted and could not be done: the message names the operation, its target and the cause. */
public non-sealed class OperationFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message) {
        super(message, null);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final ErrorKind kind() {
        return ErrorKind.FAILURE;
    }
}
