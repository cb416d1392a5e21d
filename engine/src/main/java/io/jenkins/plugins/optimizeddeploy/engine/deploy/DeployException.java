package io.jenkins.plugins.optimizeddeploy.engine.deploy;

/** A deploy or a rollback that could not be done at all: the platform refused or could not be reached. */
public class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
