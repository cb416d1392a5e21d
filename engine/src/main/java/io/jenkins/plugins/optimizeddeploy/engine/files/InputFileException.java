package io.jenkins.plugins.optimizeddeploy.engine.files;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/**
 * A user-named input that cannot be taken: missing, not a regular file, over its size limit, unreadable or not
 * text. Bad input, so nothing was attempted; the message is one line naming the input and never quotes its content.
 */
public final class InputFileException extends BadInputException {
    private static final long serialVersionUID = 1L;

    InputFileException(String input, String problem) {
        super(input + " " + problem);
    }
}
