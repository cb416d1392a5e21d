package io.jenkins.plugins.optimizeddeploy.steps.verify;

import hudson.AbortException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.LintSummary;
import java.util.Map;

/**
 * Resolves the credentials on the controller, checks the image on the agent, writes the findings to the build log,
 * records them with the build and fails the step when they reach the threshold.
 */
final class VerifyImageExecution extends AgentStepWork<VerifyImageStep, LintSummary, Map<String, Object>> {

    VerifyImageExecution(VerifyImageStep step) {
        super(step, VerifyImageStep.FUNCTION_NAME);
    }

    @Override
    protected VerifyImageOnAgent onAgent(BuildContext build) throws AbortException {
        ImageReference reference = VerifyImageStep.parseImage(step.getImage());
        FailureThreshold threshold = step.threshold(build.defaults());
        return new VerifyImageOnAgent(reference, RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                threshold, login(step, build), dockerConfig(build));
    }
}
