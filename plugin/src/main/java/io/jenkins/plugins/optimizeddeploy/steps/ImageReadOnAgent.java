package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * A step's read of an image from its registry, run on the agent that holds the workspace: the registry is reached
 * from where the build's images are pushed and pulled. Credentials are the step's (for the image's registry only), else
 * the agent's docker config.json ({@code $DOCKER_CONFIG} of the build, else the agent user's {@code ~/.docker}). A
 * registry's refusal, credentials that cannot be read and bad input end the step with one line saying what went wrong.
 * What comes back to the controller is a JDK or plugin type: core's class filter (JEP-200) refuses the engine's records
 * there.
 */
abstract class ImageReadOnAgent<T> extends MasterToSlaveFileCallable<T> {

    private static final long serialVersionUID = 1L;

    final ImageReference reference;
    private final RegistryOptions options;
    private final AgentCredentials credentials;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    ImageReadOnAgent(ImageReference reference, RegistryOptions options, RegistryLogin login,
            String dockerConfigDirectory) {
        this.reference = Objects.requireNonNull(reference, "image reference is required");
        this.options = Objects.requireNonNull(options, "registry options are required for " + reference);
        this.credentials = new AgentCredentials(login, dockerConfigDirectory);
    }

    @Override
    public final T invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            return read();
        } catch (EngineException e) {
            throw new AbortException(userError(e));
        } catch (RuntimeException e) {
            throw new AgentFailure(getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads with a registry client made here and closed after.
     *
     * @throws RegistryException    naming the operation, status, error codes and URL when the registry refuses
     * @throws CredentialsException naming the docker config when it cannot be read
     */
    final T read() {
        try (RegistryClient client = new RegistryClient(options, credentials.toSource(List.of(reference.registry())))) {
            return readWith(client);
        }
    }

    abstract T readWith(RegistryClient client);

    /** The one line the step fails with. */
    abstract String userError(EngineException e);
}
