package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller and retags on the agent. The step is transient (a synchronous step is not
 * resumed after a restart of the controller), so nothing but the context is kept with the Pipeline program, and
 * certainly no secret. {@code perform} is the step's work, which the freestyle build step runs too.
 */
final class RetagImagesExecution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    private final transient RetagImagesStep step;

    RetagImagesExecution(RetagImagesStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected List<Map<String, Object>> run() throws Exception {
        return perform(step, BuildContext.of(getContext()));
    }

    static List<Map<String, Object>> perform(RetagImagesStep step, BuildContext build)
            throws IOException, InterruptedException {
        RetagRequest request = parseRequest(step);
        Run<?, ?> run = build.run();
        RegistryLogin login =
                RegistryLogin.find(RetagImagesStep.FUNCTION_NAME, step.credentialsId(build.defaults()), run);
        EnvVars environment = build.environment();
        TaskListener listener = build.listener();
        RetagImagesOnAgent retag = new RetagImagesOnAgent(request,
                RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                new AgentCredentials(login, environment == null ? null : environment.get("DOCKER_CONFIG")), listener);

        return build.workspace().act(retag).finish(run, listener);
    }

    private static RetagRequest parseRequest(RetagImagesStep step) throws AbortException {
        try {
            return RetagRequest.of(step.getImages(), step.getTags(), step.getTo());
        } catch (BadInputException e) {
            throw new AbortException(RetagImagesStep.userError(e));
        }
    }
}
