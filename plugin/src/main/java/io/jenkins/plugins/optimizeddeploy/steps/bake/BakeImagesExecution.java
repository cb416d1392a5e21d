package io.jenkins.plugins.optimizeddeploy.steps.bake;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.ChannelProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Resolves the credentials and the revision on the controller and bakes on the agent. The bake's files and registry
 * traffic stay on the agent; its processes start through the step context's Launcher, which the agent reaches back
 * through a proxy ({@link ChannelProcesses}): a Launcher cannot travel to the agent, and its decorators
 * ({@code container()}) run on the controller.
 */
final class BakeImagesExecution
        extends AgentStepWork<BakeImagesStep, StepOutcome<Map<String, Object>>, Map<String, Object>> {

    BakeImagesExecution(BakeImagesStep step) {
        super(step, BakeImagesStep.FUNCTION_NAME);
    }

    @Override
    protected BakeImagesOnAgent onAgent(BuildContext build) throws IOException, InterruptedException {
        Map<String, String> buildEnvironment = environment(build);
        BuildRequest request = step.request(buildEnvironment, Instant.now(), build.defaults());
        BuilderBackend backend = step.builderBackend(build.defaults());
        RegistryLogin login = login(step, build);
        TaskListener listener = build.listener();
        FilePath workspace = build.workspace();
        BuilderAccess access = new BuilderAccess(login, buildEnvironment, step.isInsecure(),
                WorkspaceList.tempDir(workspace).getRemote());
        return new BakeImagesOnAgent(step.getFile(), request, backend, access,
                ChannelProcesses.export(workspace, build.launcher(), buildEnvironment, listener), listener);
    }
}
