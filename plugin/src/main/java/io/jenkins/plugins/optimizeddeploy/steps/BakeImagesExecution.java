package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials and the revision on the controller and bakes on the agent. The bake's files and registry
 * traffic stay on the agent; its processes start through the step context's Launcher, which the agent reaches back
 * through a proxy ({@link ChannelProcesses}): a Launcher cannot travel to the agent, and its decorators
 * ({@code container()}) run on the controller. The step is transient: a build is not resumed after a restart of the
 * controller (the images would be half pushed), so nothing but the context is kept with the Pipeline program, and
 * certainly no secret.
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
        } catch (BadInputException e) {
            throw new AbortException(BakeImagesStep.userError(e));
        }
        Run<?, ?> run = build.run();
        RegistryLogin login =
                RegistryLogin.find(BakeImagesStep.FUNCTION_NAME, step.credentialsId(build.defaults()), run);
        TaskListener listener = build.listener();
        FilePath workspace = build.workspace();
        BuilderAccess access = new BuilderAccess(login, buildEnvironment, step.isInsecure(),
                WorkspaceList.tempDir(workspace).getRemote());
        BakeImagesOnAgent bake = new BakeImagesOnAgent(step.getFile(), request, backend, access,
                ChannelProcesses.export(workspace, build.launcher(), buildEnvironment, listener), listener);

        return workspace.act(bake).finish(run, listener);
    }
}
