package io.jenkins.plugins.optimizeddeploy.engine.retag;

/** A retag step that the registry answered, but not as it must: a digest that does not match, for one. */
final class RetagException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetagException(String message) {
        super(message);
    }
}
