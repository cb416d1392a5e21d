package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;

/**
 * A freestyle build step that runs one of the Pipeline steps: it holds the step, configured in the job with the
 * step's own form (its fields, checks and help), and runs the step's work with the build's workspace, environment,
 * launcher and log. A failed gate or bad input fails the build with the step's one line.
 */
public abstract class StepBuilder extends Builder implements SimpleBuildStep {

    /** The step this build step runs. */
    protected abstract StepInBuild work();

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        work().perform(BuildContext.of(run, workspace, env, launcher, listener));
    }

    /** Offered in every kind of job that has build steps. */
    public abstract static class StepBuilderDescriptor extends BuildStepDescriptor<Builder> {

        private final String displayName;

        protected StepBuilderDescriptor(String displayName) {
            this.displayName = displayName;
        }

        @SuppressWarnings("rawtypes") // the real signature takes a raw AbstractProject
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return displayName;
        }
    }
}
