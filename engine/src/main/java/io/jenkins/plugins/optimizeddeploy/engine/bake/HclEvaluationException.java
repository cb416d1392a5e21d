package io.jenkins.plugins.optimizeddeploy.engine.bake;

/**
 * What is wrong with the values a bake expression computes with (a missing map key, a string that is no number);
 * the evaluator turns it into a {@link BakeFileException} naming the place. Any other exception out of an
 * expression is a bug and keeps its stack trace.
 */
final class HclEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HclEvaluationException(String message) {
        super(message);
    }

    HclEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
