package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import hudson.AbortException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.util.Map;

/** Resolves the credentials on the controller and inspects the image on the agent. */
final class InspectImageExecution
        extends AgentStepWork<InspectImageStep, StepOutcome<Map<String, Object>>, Map<String, Object>> {

    InspectImageExecution(InspectImageStep step) {
        super(step, InspectImageStep.FUNCTION_NAME);
    }

    @Override
    protected InspectImageOnAgent onAgent(BuildContext build) throws AbortException {
        ImageReference reference = InspectImageStep.parseImage(step.getImage());
        return new InspectImageOnAgent(reference, RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                login(step, build), dockerConfig(build));
    }
}
