package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/** A lint configuration file that cannot be used; the message names the file and what is wrong. */
public class LintConfigurationException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public LintConfigurationException(String source, String reason) {
        super(source + ": " + reason);
    }
}
