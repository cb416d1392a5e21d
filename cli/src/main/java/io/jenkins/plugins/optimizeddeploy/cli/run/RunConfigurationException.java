package io.jenkins.plugins.optimizeddeploy.cli.run;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/** A run configuration that cannot be taken: an unknown key, a value of the wrong type, a required value unset. */
final class RunConfigurationException extends BadInputException {
    private static final long serialVersionUID = 1L;

    RunConfigurationException(String message) {
        super(message);
    }
}
