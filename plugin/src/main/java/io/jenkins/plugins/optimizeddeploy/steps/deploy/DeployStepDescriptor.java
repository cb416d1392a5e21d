package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepDescriptor;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of a deploy step: the docker CLI starts through the node's Launcher, and the target is picked. A
 * top-level base, as {@link DeployStep} is, since both steps' nested {@code DescriptorImpl} extend it.
 */
public abstract class DeployStepDescriptor extends AgentStepDescriptor {

    protected DeployStepDescriptor(String functionName, String displayName) {
        super(functionName, displayName);
    }

    /** Its processes start through the node's Launcher, as {@code sh}'s do. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class, Launcher.class);
    }

    /** caprover and webhook: the secret text credentials the job can use. */
    @POST
    public ListBoxModel doFillSecretCredentialsIdItems(@AncestorInPath Item item,
            @QueryParameter String secretCredentialsId) {
        return CredentialsIdField.items(item, secretCredentialsId, StringCredentials.class);
    }

    public ListBoxModel doFillTargetItems() {
        ListBoxModel targets = new ListBoxModel();
        targets.add("swarm");
        targets.add("docker");
        targets.add("kubernetes");
        targets.add(DeployStep.CAPROVER);
        targets.add(DeployStep.WEBHOOK);
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
