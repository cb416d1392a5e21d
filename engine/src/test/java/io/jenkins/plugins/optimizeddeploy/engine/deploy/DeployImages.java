package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.DockerConfigCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.DeployableImages;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;

/** {@link DeployableImages} by digest, resolved as a deploy resolves them, and the test dockerd's client. */
final class DeployImages {
    private final DockerdExtension dockerd;
    private final DeployableImages images;

    DeployImages(DockerdExtension dockerd, RegistryExtension registry, Path context) {
        this.dockerd = dockerd;
        this.images = new DeployableImages(dockerd, registry, context);
    }

    ImageReference healthy(String name, String version) {
        return byDigest(images.healthy(name, version));
    }

    ImageReference unhealthy(String name) {
        return byDigest(images.unhealthy(name));
    }

    ImageReference crashing(String name) {
        return byDigest(images.crashing(name));
    }

    /** The test dockerd's client, as the targets run it. */
    DockerCli dockerCli() {
        return new DockerCli(new ProcessCommandRunner(), DockerCli.DEFAULT_BINARY, dockerd.environment());
    }

    private ImageReference byDigest(String image) {
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                DockerConfigCredentials.from(dockerd.dockerConfigDir().resolve("config.json")))) {
            return new DigestResolver(client).resolve(ImageReference.parse(image));
        }
    }
}
