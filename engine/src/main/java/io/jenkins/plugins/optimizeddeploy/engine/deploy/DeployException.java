package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;

/** A deploy or a rollback that could not be done at all: the platform refused or could not be reached. */
public class DeployException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
