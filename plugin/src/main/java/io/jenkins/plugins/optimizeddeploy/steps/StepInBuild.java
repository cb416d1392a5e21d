package io.jenkins.plugins.optimizeddeploy.steps;

import java.io.IOException;

/** A step's work, run for a Pipeline by its execution and for a freestyle job by its build step. */
public interface StepInBuild {

    /**
     * Runs the step, logs and records what it did on the build, and returns what a Pipeline script gets back.
     *
     * @throws hudson.AbortException with one line naming the step for bad input or a failed gate
     */
    Object perform(BuildContext build) throws IOException, InterruptedException;
}
