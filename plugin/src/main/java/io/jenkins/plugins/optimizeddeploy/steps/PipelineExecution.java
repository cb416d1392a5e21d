package io.jenkins.plugins.optimizeddeploy.steps;

import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * A step that works on the agent, as a Pipeline runs it. The step is transient: it is not resumed after a restart of
 * the controller (an image would be half pushed, a release half done), so nothing but the context is kept with the
 * Pipeline program, and certainly no secret.
 */
public final class PipelineExecution<R> extends SynchronousNonBlockingStepExecution<R> {

    private static final long serialVersionUID = 1L;

    private final transient AgentStepWork<?, ?, R> work;

    public PipelineExecution(AgentStepWork<?, ?, R> work, StepContext context) {
        super(context);
        this.work = work;
    }

    @Override
    protected R run() throws Exception {
        return work.perform(BuildContext.of(getContext()));
    }
}
