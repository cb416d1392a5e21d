package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.ChannelProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.io.IOException;
import java.util.Map;

/**
 * Resolves the credentials on the controller and runs the release on the agent, whose docker CLI starts through the
 * step context's Launcher ({@link ChannelProcesses}) with the build's environment, {@code DOCKER_HOST} included, as
 * {@code sh} would start it. A stopped release puts back what it moved.
 */
final class DeployExecution extends AgentStepWork<DeployStep, StepOutcome<Map<String, Object>>, Map<String, Object>> {

    DeployExecution(DeployStep step) {
        super(step, step.functionName());
    }

    @Override
    protected ReleaseOnAgent onAgent(BuildContext build) throws IOException, InterruptedException {
        Run<?, ?> run = build.run();
        step.requireValid();
        Map<String, String> destinations = step.destinations(run);
        Map<String, String> buildEnvironment = environment(build);
        RegistryLogin login = login(step, build);
        TaskListener listener = build.listener();
        FilePath workspace = build.workspace();
        String temporaryDirectory = WorkspaceList.tempDir(workspace).getRemote();
        return new ReleaseOnAgent(ReleasePlan.of(step, destinations, buildEnvironment),
                new BuilderAccess(login, buildEnvironment, step.isInsecure(), temporaryDirectory),
                new BuilderAccess(null, buildEnvironment, step.isInsecure(), temporaryDirectory),
                ChannelProcesses.export(workspace, build.launcher(), buildEnvironment, listener), listener,
                TargetSecret.find(step.functionName(), step.getSecretCredentialsId(), run));
    }

    /** With {@code propagate: false} a failed release is a line in the log, and the script gets its result. */
    @Override
    protected Map<String, Object> finish(StepOutcome<Map<String, Object>> outcome, BuildContext build)
            throws IOException {
        return (step.isPropagate() ? outcome : outcome.withFailureLogged()).finish(build.run(), build.listener());
    }
}
