package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.engine.lint.FailureThreshold;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Lints on the agent, writes the report to the build log and fails the step, after the SARIF report is written,
 * when the findings reach the threshold. Only the step's arguments are fields: this object is persisted with the
 * Pipeline program.
 */
final class HardenDockerfileExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<String> files;
    private final String failOn;
    private final String sarif;
    private final String config;
    private final boolean fix;

    HardenDockerfileExecution(HardenDockerfileStep step, StepContext context) {
        super(context);
        this.files = new ArrayList<>(step.dockerfiles());
        this.failOn = step.getFailOn();
        this.sarif = step.getSarif();
        this.config = step.getConfig();
        this.fix = step.isFix();
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        EnvVars environment = context.get(EnvVars.class);
        HardenDockerfileOnAgent harden = new HardenDockerfileOnAgent(files, fix, threshold(), sarif, config,
                environment == null ? Map.of() : environment);

        LintSummary summary = context.get(FilePath.class).act(harden);

        PrintStream log = context.get(TaskListener.class).getLogger();
        log.print(summary.report());
        log.println(summary.line());
        OptimizedDeployAction.record(context.get(Run.class), List.of(summary.record()));
        if (summary.failed()) {
            throw new AbortException(summary.line());
        }
        return summary.toMap();
    }

    private FailureThreshold threshold() throws AbortException {
        try {
            return HardenDockerfileStep.parseFailOn(failOn);
        } catch (IllegalArgumentException e) {
            throw new AbortException(HardenDockerfileStep.userError(e));
        }
    }
}
