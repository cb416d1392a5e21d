package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller, checks the image on the agent, writes the findings to the build log,
 * records them with the build and fails the step when they reach the threshold. The step is transient (a synchronous
 * step is not resumed after a restart of the controller), so nothing but the context is kept with the Pipeline program,
 * and certainly no secret. {@code perform} is the step's work, which the freestyle build step runs too.
 */
final class VerifyImageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient VerifyImageStep step;

    VerifyImageExecution(VerifyImageStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return perform(step, BuildContext.of(getContext()));
    }

    static Map<String, Object> perform(VerifyImageStep step, BuildContext build)
            throws IOException, InterruptedException {
        ImageReference reference;
        FailureThreshold threshold;
        try {
            reference = VerifyImageStep.parseImage(step.getImage());
            threshold = step.threshold(build.defaults());
        } catch (BadInputException e) {
            throw new AbortException(VerifyImageStep.userError(e));
        }
        Run<?, ?> run = build.run();
        RegistryLogin login =
                RegistryLogin.find(VerifyImageStep.FUNCTION_NAME, step.credentialsId(build.defaults()), run);
        EnvVars environment = build.environment();
        VerifyImageOnAgent verification = new VerifyImageOnAgent(reference,
                RegistryOptions.builder().insecureTls(step.isInsecure()).build(), threshold, login,
                environment == null ? null : environment.get("DOCKER_CONFIG"));

        LintSummary summary = build.workspace().act(verification);

        PrintStream log = build.listener().getLogger();
        log.print(summary.report());
        log.println(summary.line());
        OptimizedDeployAction.record(run, List.of(summary.record()), summary.metrics());
        if (summary.failed()) {
            throw new AbortException(summary.line());
        }
        return summary.toMap();
    }
}
