package io.jenkins.plugins.optimizeddeploy.steps.harden;

import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.LintSummary;
import java.util.Map;

/**
 * Lints on the agent, writes the report to the build log and fails the step, after the SARIF report is written, when
 * the findings reach the threshold.
 */
final class HardenDockerfileExecution extends AgentStepWork<HardenDockerfileStep, LintSummary, Map<String, Object>> {

    HardenDockerfileExecution(HardenDockerfileStep step) {
        super(step, HardenDockerfileStep.FUNCTION_NAME);
    }

    @Override
    protected HardenDockerfileOnAgent onAgent(BuildContext build) {
        return new HardenDockerfileOnAgent(step.dockerfiles(), step.isFix(), step.threshold(build.defaults()),
                step.getSarif(), step.getConfig(), environment(build));
    }
}
