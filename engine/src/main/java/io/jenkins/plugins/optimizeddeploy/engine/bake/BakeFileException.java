package io.jenkins.plugins.optimizeddeploy.engine.bake;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/** A bake file that cannot be read or does not make sense; the message names the file, the place and the problem. */
public final class BakeFileException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public BakeFileException(String message) {
        super(message);
    }

    public BakeFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
