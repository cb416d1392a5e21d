package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller and runs the release on the agent, whose docker CLI starts through the
 * step context's Launcher ({@link ChannelProcesses}) with the build's environment, {@code DOCKER_HOST} included, as
 * {@code sh} would start it. The step is transient: a release is not resumed after a restart of the controller (a
 * stopped release puts back what it moved), so nothing but the context is kept with the Pipeline program.
 */
final class DeployExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient DeployStep step;

    DeployExecution(DeployStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return perform(step, BuildContext.of(getContext()));
    }

    static Map<String, Object> perform(DeployStep step, BuildContext build) throws IOException, InterruptedException {
        Run<?, ?> run = build.run();
        Map<String, String> destinations;
        try {
            step.requireValid();
            destinations = step.destinations(run);
        } catch (BadInputException e) {
            throw new AbortException(UserError.line(step.functionName(), e));
        }
        EnvVars environment = build.environment();
        Map<String, String> buildEnvironment = environment == null ? Map.of() : new HashMap<>(environment);
        RegistryLogin login =
                RegistryLogin.find(step.functionName(), step.credentialsId(build.defaults()), run);
        TaskListener listener = build.listener();
        FilePath workspace = build.workspace();
        String temporaryDirectory = WorkspaceList.tempDir(workspace).getRemote();
        ReleaseOnAgent release = new ReleaseOnAgent(ReleasePlan.of(step, destinations, buildEnvironment),
                new BuilderAccess(login, buildEnvironment, step.isInsecure(), temporaryDirectory),
                new BuilderAccess(null, buildEnvironment, step.isInsecure(), temporaryDirectory),
                ChannelProcesses.export(workspace, build.launcher(), buildEnvironment, listener), listener,
                TargetSecret.find(step.functionName(), step.getSecretCredentialsId(), run));

        StepOutcome<Map<String, Object>> outcome = workspace.act(release);
        return (step.isPropagate() ? outcome : outcome.withFailureLogged()).finish(run, listener);
    }
}
