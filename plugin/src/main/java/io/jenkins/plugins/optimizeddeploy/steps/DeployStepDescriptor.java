package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import java.util.Set;

/** The descriptor of a deploy step: the docker CLI starts through the node's Launcher, and the target is picked. */
public abstract class DeployStepDescriptor extends AgentStepDescriptor {

    protected DeployStepDescriptor(String functionName, String displayName) {
        super(functionName, displayName);
    }

    /** Its processes start through the node's Launcher, as {@code sh}'s do. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class, Launcher.class);
    }

    public ListBoxModel doFillTargetItems() {
        ListBoxModel targets = new ListBoxModel();
        targets.add("swarm");
        targets.add("docker");
        targets.add("kubernetes");
        return targets;
    }

    public ListBoxModel doFillKindItems() {
        ListBoxModel kinds = new ListBoxModel();
        for (KubernetesTarget.Kind kind : KubernetesTarget.Kind.values()) {
            kinds.add(kind.name());
        }
        return kinds;
    }
}
