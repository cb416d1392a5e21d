package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Lints on the agent, writes the report to the build log and fails the step, after the SARIF report is written, when
 * the findings reach the threshold. The step is transient (a synchronous step is not resumed after a restart of the
 * controller), so nothing but the context is kept with the Pipeline program, and certainly no secret. {@code perform}
 * is the step's work, which the freestyle build step runs too.
 */
final class HardenDockerfileExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient HardenDockerfileStep step;

    HardenDockerfileExecution(HardenDockerfileStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return perform(step, BuildContext.of(getContext()));
    }

    static Map<String, Object> perform(HardenDockerfileStep step, BuildContext build)
            throws IOException, InterruptedException {
        EnvVars environment = build.environment();
        HardenDockerfileOnAgent harden = new HardenDockerfileOnAgent(step.dockerfiles(), step.isFix(),
                threshold(step, build.defaults()), step.getSarif(),
                step.getConfig(), environment == null ? Map.of() : environment);

        LintSummary summary = build.workspace().act(harden);

        PrintStream log = build.listener().getLogger();
        log.print(summary.report());
        log.println(summary.line());
        OptimizedDeployAction.record(build.run(), List.of(summary.record()), summary.metrics());
        if (summary.failed()) {
            throw new AbortException(summary.line());
        }
        return summary.toMap();
    }

    private static FailureThreshold threshold(HardenDockerfileStep step, StepDefaults defaults) throws AbortException {
        try {
            return step.threshold(defaults);
        } catch (BadInputException e) {
            throw new AbortException(HardenDockerfileStep.userError(e));
        }
    }
}
