package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.CredentialsException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Retagger;
import java.io.File;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's retag, run on the agent that holds the workspace: the registries are reached from where the build's
 * images are pushed. Each step of the retag goes to the build log as it happens.
 */
final class RetagImagesOnAgent extends MasterToSlaveFileCallable<RetagResult> {

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
    public RetagResult invoke(File workspace, VirtualChannel channel) throws AbortException {
        try {
            return retag();
        } catch (CredentialsException | InputFileException e) {
            throw new AbortException(RetagImagesStep.userError(e));
        }
    }

    /**
     * Retags; registry failures end in the result, not in an exception.
     *
     * @throws CredentialsException naming the docker config when it is not one
     * @throws InputFileException naming the docker config when it cannot be read
     */
    RetagResult retag() {
        try (RegistryClient client = new RegistryClient(options, credentials.toSource())) {
            return new Retagger(client).retag(request,
                    line -> listener.getLogger().println(RetagImagesStep.FUNCTION_NAME + ": " + line));
        }
    }
}
