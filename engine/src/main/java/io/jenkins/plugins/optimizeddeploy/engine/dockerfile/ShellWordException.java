package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/** A word that Docker's shell lexer rejects, e.g. {@code ${NAME} } without its closing brace. */
public class ShellWordException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    ShellWordException(String word, String reason) {
        super("failed to process \"" + word + "\": " + reason);
        this.reason = reason;
    }

    /** What is wrong, without the word. */
    public String reason() {
        return reason;
    }
}
