package hudson.model;

import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {
    /** Contributes nothing unless overridden, as in core for a build that is not an AbstractBuild. */
    default void buildEnvironment(Run<?, ?> run, EnvVars env) {
    }
}
