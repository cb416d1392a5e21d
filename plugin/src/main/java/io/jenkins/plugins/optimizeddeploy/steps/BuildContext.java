package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.config.OptimizedDeployConfiguration;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Where a step runs, as a Pipeline's step context or a freestyle build's {@code perform} hands it over: the build,
 * its workspace, environment, launcher and log, and the steps' defaults from Manage Jenkins.
 */
public record BuildContext(Run<?, ?> run, FilePath workspace, EnvVars environment, Launcher launcher,
        TaskListener listener, StepDefaults defaults) {

    /** A freestyle build's, with the current defaults. */
    public static BuildContext of(Run<?, ?> run, FilePath workspace, EnvVars environment, Launcher launcher,
            TaskListener listener) {
        return new BuildContext(run, workspace, environment, launcher, listener,
                OptimizedDeployConfiguration.get().defaults());
    }

    /** A Pipeline step's, with the current defaults. */
    public static BuildContext of(StepContext context) throws IOException, InterruptedException {
        return of(context.get(Run.class), context.get(FilePath.class), context.get(EnvVars.class),
                context.get(Launcher.class), context.get(TaskListener.class));
    }
}
