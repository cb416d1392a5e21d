package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;

/** A retag step that the registry answered, but not as it must: a digest that does not match, for one. */
final class RetagException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    RetagException(String message) {
        super(message);
    }
}
