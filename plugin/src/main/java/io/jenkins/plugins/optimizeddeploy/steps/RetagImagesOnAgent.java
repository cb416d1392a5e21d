package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsException;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.retag.Retagger;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's retag, run on the agent that holds the workspace: the registries are reached from where the build's
 * images are pushed. Each step of the retag goes to the build log as it happens. The result becomes the step's value,
 * log lines and records on the agent: the engine's records would be refused on the controller (JEP-200) after the
 * tags had moved.
 */
final class RetagImagesOnAgent extends MasterToSlaveFileCallable<StepOutcome<List<Map<String, Object>>>> {

    private static final long serialVersionUID = 1L;

    private final RetagRequest request;
    private final RegistryOptions options;
    private final AgentCredentials credentials;
    private final TaskListener listener;

    RetagImagesOnAgent(RetagRequest request, RegistryOptions options, AgentCredentials credentials,
            TaskListener listener) {
        this.request = Objects.requireNonNull(request, "retag request is required");
        this.options = Objects.requireNonNull(options, "registry options are required for " + request);
        this.credentials = Objects.requireNonNull(credentials, "credentials are required for " + request);
        this.listener = Objects.requireNonNull(listener, "a build log is required for " + request);
    }

    @Override
    public StepOutcome<List<Map<String, Object>>> invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            return RetagResultMap.outcome(retag());
        } catch (EngineException e) {
            throw new AbortException(RetagImagesStep.userError(e));
        } catch (RuntimeException e) {
            throw new AgentFailure(RetagImagesStep.FUNCTION_NAME + " on the agent", e);
        }
    }

    /**
     * Retags; registry failures end in the result, not in an exception.
     *
     * @throws CredentialsException naming the docker config when it is not one
     * @throws InputFileException naming the docker config when it cannot be read
     */
    RetagResult retag() {
        try (RegistryClient client = new RegistryClient(options, credentials.toSource(request.targetRegistries()))) {
            return new Retagger(client).retag(request,
                    line -> listener.getLogger().println(RetagImagesStep.logLine(line)));
        }
    }
}
