package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller and inspects the image on the agent. The step is transient (a synchronous
 * step is not resumed after a restart of the controller), so nothing but the context is kept with the Pipeline program,
 * and certainly no secret. {@code perform} is the step's work, which the freestyle build step runs too.
 */
final class InspectImageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient InspectImageStep step;

    InspectImageExecution(InspectImageStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return perform(step, BuildContext.of(getContext()));
    }

    static Map<String, Object> perform(InspectImageStep step, BuildContext build)
            throws IOException, InterruptedException {
        ImageReference reference = parseReference(step.getImage());
        Run<?, ?> run = build.run();
        RegistryLogin login =
                RegistryLogin.find(InspectImageStep.FUNCTION_NAME, step.credentialsId(build.defaults()), run);
        EnvVars environment = build.environment();
        InspectImageOnAgent inspection = new InspectImageOnAgent(reference,
                RegistryOptions.builder().insecureTls(step.isInsecure()).build(), login,
                environment == null ? null : environment.get("DOCKER_CONFIG"));

        return build.workspace().act(inspection).finish(run, build.listener());
    }

    private static ImageReference parseReference(String image) throws AbortException {
        try {
            return InspectImageStep.parseImage(image);
        } catch (BadInputException e) {
            throw new AbortException(InspectImageStep.userError(e));
        }
    }
}
