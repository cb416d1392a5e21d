package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/** A step that talks to registries: the registry login it uses and whether it checks their TLS certificates. */
public abstract class RegistryStep extends Step {

    private String credentialsId;
    private boolean insecure;

    /** Username/password credentials for the registry; without them the agent's docker config.json is used. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = OptionalText.of(credentialsId);
    }

    /** The credentials given, else the default ones under Manage Jenkins; null for none. */
    public String credentialsId(StepDefaults defaults) {
        return StepDefaults.orDefault(credentialsId, defaults.credentialsId());
    }

    /** Accept any TLS certificate of the registry. Off unless chosen explicitly. */
    public boolean isInsecure() {
        return insecure;
    }

    @DataBoundSetter
    public void setInsecure(boolean insecure) {
        this.insecure = insecure;
    }
}
