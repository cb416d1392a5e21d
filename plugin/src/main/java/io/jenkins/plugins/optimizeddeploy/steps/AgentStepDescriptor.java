package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * The descriptor of a step that runs the engine on the agent holding the workspace: it needs the build (for its
 * credentials), the workspace and the build log. Descriptors are stateless, so they can be loaded into a running
 * Jenkins.
 */
public abstract class AgentStepDescriptor extends StepDescriptor {

    private final String functionName;
    private final String displayName;

    protected AgentStepDescriptor(String functionName, String displayName) {
        this.functionName = functionName;
        this.displayName = displayName;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class);
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }
}
