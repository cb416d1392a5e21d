package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.lint.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller, checks the image on the agent, writes the findings to the build log,
 * records them with the build and fails the step when they reach the threshold. Only the step's arguments are
 * fields: this object is persisted with the Pipeline program, secrets must not be.
 */
final class VerifyImageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String credentialsId;
    private final boolean insecure;
    private final String failOn;

    VerifyImageExecution(VerifyImageStep step, StepContext context) {
        super(context);
        this.image = step.getImage();
        this.credentialsId = step.getCredentialsId();
        this.insecure = step.isInsecure();
        this.failOn = step.getFailOn();
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        ImageReference reference;
        FailureThreshold threshold;
        try {
            reference = VerifyImageStep.parseImage(image);
            threshold = VerifyImageStep.parseFailOn(failOn);
        } catch (IllegalArgumentException e) {
            throw new AbortException(VerifyImageStep.userError(e));
        }
        Run<?, ?> run = context.get(Run.class);
        RegistryLogin login = credentialsId == null ? null
                : RegistryLogin.find(VerifyImageStep.FUNCTION_NAME, credentialsId, run);
        EnvVars environment = context.get(EnvVars.class);
        VerifyImageOnAgent verification = new VerifyImageOnAgent(reference,
                RegistryOptions.builder().insecureTls(insecure).build(), threshold, login,
                environment == null ? null : environment.get("DOCKER_CONFIG"));

        LintSummary summary = context.get(FilePath.class).act(verification);

        PrintStream log = context.get(TaskListener.class).getLogger();
        log.print(summary.report());
        log.println(summary.line());
        OptimizedDeployAction.record(run, List.of(summary.record()));
        if (summary.failed()) {
            throw new AbortException(summary.line());
        }
        return summary.toMap();
    }
}
