package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller and inspects the image on the agent. Only the step's arguments are
 * fields: this object is persisted with the Pipeline program, secrets must not be.
 */
final class InspectImageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String credentialsId;
    private final boolean insecure;

    InspectImageExecution(InspectImageStep step, StepContext context) {
        super(context);
        this.image = step.getImage();
        this.credentialsId = step.getCredentialsId();
        this.insecure = step.isInsecure();
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        ImageReference reference = parseReference();
        Run<?, ?> run = context.get(Run.class);
        RegistryLogin login = credentialsId == null ? null
                : RegistryLogin.find(InspectImageStep.FUNCTION_NAME, credentialsId, run);
        EnvVars environment = context.get(EnvVars.class);
        InspectImageOnAgent inspection = new InspectImageOnAgent(reference,
                RegistryOptions.builder().insecureTls(insecure).build(), login,
                environment == null ? null : environment.get("DOCKER_CONFIG"));

        return context.get(FilePath.class).act(inspection).finish(run, context.get(TaskListener.class));
    }

    private ImageReference parseReference() throws AbortException {
        try {
            return InspectImageStep.parseImage(image);
        } catch (IllegalArgumentException e) {
            throw new AbortException(InspectImageStep.userError(e));
        }
    }
}
