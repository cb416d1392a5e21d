package io.jenkins.plugins.optimizeddeploy.action;

import hudson.EnvVars;
import hudson.model.Action;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Queue;
import hudson.model.Run;
import java.util.List;
import java.util.Map;

/**
 * Marks a queued run as the rollback to an earlier build: it is never merged into another queued run of the job, nor
 * another into it (a rollback is not a build that happens to be waiting), and the run gets {@value #VARIABLE} set to
 * that build's number, from which the shared library's {@code optimizedDeploy} calls {@code rollbackDeploy(to: N)}.
 * Core moves it from the queue item to the run, so it is kept in the run's build.xml.
 */
public final class RollbackToBuild implements Queue.QueueAction, EnvironmentContributingAction {

    /** The environment variable naming the build to roll back to. */
    public static final String VARIABLE = "OPTIMIZED_DEPLOY_ROLLBACK_BUILD";

    private final int build;

    public RollbackToBuild(int build) {
        if (build < 1) {
            throw new IllegalArgumentException("The build to roll back to must be a build number, was " + build);
        }
        this.build = build;
    }

    /** The number of the build whose release the run deploys again. */
    public int getBuild() {
        return build;
    }

    /** Always a queue item of its own, whatever else is queued for the job. */
    @Override
    public boolean shouldSchedule(List<Action> actions) {
        return true;
    }

    /** Called by core for Pipeline and freestyle runs alike when it builds the run's environment. */
    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
        contributeTo(env);
    }

    void contributeTo(Map<String, String> environment) {
        environment.put(VARIABLE, Integer.toString(build));
    }

    /** Not shown: the run's cause says it is a rollback. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Rollback to #" + build;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
