package io.jenkins.plugins.optimizeddeploy.steps.retag;

import hudson.AbortException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.steps.AgentCredentials;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.util.List;
import java.util.Map;

/** Resolves the credentials on the controller and retags on the agent. */
final class RetagImagesExecution
        extends AgentStepWork<RetagImagesStep, StepOutcome<List<Map<String, Object>>>, List<Map<String, Object>>> {

    RetagImagesExecution(RetagImagesStep step) {
        super(step, RetagImagesStep.FUNCTION_NAME);
    }

    @Override
    protected RetagImagesOnAgent onAgent(BuildContext build) throws AbortException {
        RetagRequest request = RetagRequest.of(step.getImages(), step.getTags(), step.getTo());
        return new RetagImagesOnAgent(request, RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                new AgentCredentials(login(step, build), dockerConfig(build)), build.listener());
    }
}
