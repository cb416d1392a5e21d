package io.jenkins.plugins.optimizeddeploy.engine.errors;

/**
 * What kind of problem ended an operation, which decides how a user hears of it: the command line's exit code, and
 * in Jenkins one line that fails the step.
 */
public enum ErrorKind {
    /** Input the engine cannot take (a reference, a file, an option): nothing was attempted. */
    BAD_INPUT,
    /** The work was done and a gate said no: findings over the threshold, an unhealthy deploy. */
    GATE_FAILED,
    /** The work was attempted and could not be done: a registry, a build, a platform or the machine failed. */
    FAILURE
}
