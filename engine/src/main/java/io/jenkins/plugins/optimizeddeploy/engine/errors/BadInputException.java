package io.jenkins.plugins.optimizeddeploy.engine.errors;

/** Input the engine cannot take: the message names the input and what is wrong with it; nothing was attempted. */
public non-sealed class BadInputException extends EngineException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final ErrorKind kind() {
        return ErrorKind.BAD_INPUT;
    }
}
