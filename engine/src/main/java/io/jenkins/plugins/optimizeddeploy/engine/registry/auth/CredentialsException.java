package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/** Credentials that are configured but cannot be read or used; the message names the source and the registry. */
public class CredentialsException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
