package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;

/**
 * What a step's agent callable sends back to the controller, where it ends the step: its lines go to the build log and
 * its summaries to the build record, then the step fails with one line or returns what the Pipeline script gets.
 *
 * @param <R> what the Pipeline script gets back
 */
public interface AgentAnswer<R> {

    /**
     * @throws hudson.AbortException with one line naming the step, when the step failed
     * @throws IOException           when the build record cannot be saved
     */
    R finish(Run<?, ?> run, TaskListener listener) throws IOException;
}
