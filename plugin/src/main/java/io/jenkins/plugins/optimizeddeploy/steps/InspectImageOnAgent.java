package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;

/** The engine's image inspection, as {@link ImageReadOnAgent} runs it. */
final class InspectImageOnAgent extends ImageReadOnAgent<ImageInspection> {

    private static final long serialVersionUID = 1L;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    InspectImageOnAgent(ImageReference reference, RegistryOptions options, RegistryLogin login,
            String dockerConfigDirectory) {
        super(reference, options, login, dockerConfigDirectory);
    }

    @Override
    ImageInspection readWith(RegistryClient client) {
        return new ImageInspector(client).inspect(reference);
    }

    @Override
    String userError(RuntimeException e) {
        return InspectImageStep.userError(e);
    }
}
