package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.engine.build.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.build.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.build.BuilderBackend;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials and the revision on the controller and bakes on the agent. The step is transient: a
 * build is not resumed after a restart of the controller (the images would be half pushed), so nothing but the
 * context is kept with the Pipeline program, and certainly no secret.
 */
final class BakeImagesExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient BakeImagesStep step;

    BakeImagesExecution(BakeImagesStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return perform(step, BuildContext.of(getContext()));
    }

    static Map<String, Object> perform(BakeImagesStep step, BuildContext build)
            throws IOException, InterruptedException {
        EnvVars environment = build.environment();
        Map<String, String> buildEnvironment = environment == null ? Map.of() : new HashMap<>(environment);
        BuildRequest request;
        BuilderBackend backend;
        try {
            request = step.request(buildEnvironment, Instant.now(), build.defaults());
            backend = step.builderBackend(build.defaults());
        } catch (IllegalArgumentException e) {
            throw new AbortException(BakeImagesStep.userError(e));
        }
        Run<?, ?> run = build.run();
        String credentialsId = step.credentialsId(build.defaults());
        RegistryLogin login = credentialsId == null ? null
                : RegistryLogin.find(BakeImagesStep.FUNCTION_NAME, credentialsId, run);
        TaskListener listener = build.listener();
        BakeImagesOnAgent bake = new BakeImagesOnAgent(step.getFile(), request, backend,
                new BuilderAccess(login, buildEnvironment, step.isInsecure()), listener);

        BuildResult result = build.workspace().act(bake);

        listener.getLogger().println(BakeResultMap.line(result));
        OptimizedDeployAction.record(run, BakeResultMap.records(result));
        return BakeResultMap.from(result);
    }
}
