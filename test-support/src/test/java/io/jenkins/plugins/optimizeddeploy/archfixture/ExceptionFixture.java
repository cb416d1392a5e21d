package io.jenkins.plugins.optimizeddeploy.archfixture;

/** Breaks EXCEPTIONS_CARRY_A_MESSAGE twice and keeps it once. */
class ExceptionFixture {
    RuntimeException withoutMessage() {
        return new IllegalStateException();
    }

    RuntimeException withOnlyACause(Exception cause) {
        return new RuntimeException(cause);
    }

    RuntimeException withMessage(Exception cause) {
        return new IllegalStateException("fixture input is wrong", cause);
    }
}
