package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.CredentialsException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.io.File;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's image inspection, run on the agent that holds the workspace: the registry is reached from where
 * the build's images are pushed and pulled. Credentials are the step's, else the agent's docker config.json
 * ({@code $DOCKER_CONFIG} of the build, else the agent user's {@code ~/.docker}).
 */
final class InspectImageOnAgent extends MasterToSlaveFileCallable<ImageInspection> {

    private static final long serialVersionUID = 1L;

    private final ImageReference reference;
    private final RegistryOptions options;
    private final AgentCredentials credentials;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    InspectImageOnAgent(ImageReference reference, RegistryOptions options, RegistryLogin login,
            String dockerConfigDirectory) {
        this.reference = Objects.requireNonNull(reference, "image reference is required");
        this.options = Objects.requireNonNull(options, "registry options are required for " + reference);
        this.credentials = new AgentCredentials(login, dockerConfigDirectory);
    }

    @Override
    public ImageInspection invoke(File workspace, VirtualChannel channel) throws AbortException {
        try {
            return inspect();
        } catch (RegistryException | CredentialsException | IllegalArgumentException e) {
            throw new AbortException(InspectImageStep.userError(e));
        }
    }

    /**
     * Inspects the image.
     *
     * @throws RegistryException    naming the operation, status, error codes and URL when the registry refuses
     * @throws CredentialsException naming the docker config when it cannot be read
     */
    ImageInspection inspect() {
        try (RegistryClient client = new RegistryClient(options, credentialsSource())) {
            return new ImageInspector(client).inspect(reference);
        }
    }

    CredentialsSource credentialsSource() {
        return credentials.toSource();
    }
}
