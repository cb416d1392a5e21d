package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.DockerConfigCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Images to deploy, built on the busybox base by the test's dockerd and pushed to a registry with basic auth (so
 * the platform needs the client's login): healthy ones (a HEALTHCHECK that passes within about a second), one whose
 * HEALTHCHECK never passes and one that exits as it starts. All stop at once on SIGTERM.
 */
final class DeployImages {
    private static final String RUNS = "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; touch /tmp/ready;"
            + " while true; do sleep 1; done\"]";
    private static final String CRASHES = "CMD [\"sh\", \"-c\", \"echo starting; exit 3\"]";
    private static final String READY_CHECK = "HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -f /tmp/ready";
    private static final String NEVER_READY = "HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -f /tmp/never";

    private final DockerdExtension dockerd;
    private final RegistryExtension registry;
    private final String base;
    private final Path context;

    DeployImages(DockerdExtension dockerd, RegistryExtension registry, Path context) {
        this.dockerd = dockerd;
        this.registry = registry;
        this.context = context;
        this.base = registry.pushBusyboxBase("deploy/base", "1");
        dockerd.dockerWithStdin(registry.password(), "login", "--username", registry.username(), "--password-stdin",
                registry.hostPort()).requireSuccess();
    }

    /** {@code deploy/NAME:VERSION}, healthy; each version has its own digest. */
    ImageReference healthy(String name, String version) {
        return build(name, version, READY_CHECK, RUNS);
    }

    ImageReference unhealthy(String name) {
        return build(name, "unhealthy", NEVER_READY, RUNS);
    }

    ImageReference crashing(String name) {
        return build(name, "crashing", READY_CHECK, CRASHES);
    }

    /** The test dockerd's client, as the targets run it. */
    DockerCli dockerCli() {
        return new DockerCli(new ProcessCommandRunner(), DockerCli.DEFAULT_BINARY, dockerd.environment());
    }

    /** Tags resolved to digests through the registry, as a deploy does it. */
    ImageReference byDigest(ImageReference image) {
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                DockerConfigCredentials.from(dockerd.dockerConfigDir().resolve("config.json")))) {
            return new DigestResolver(client).resolve(image);
        }
    }

    private ImageReference build(String name, String version, String healthcheck, String command) {
        String image = registry.hostPort() + "/deploy/" + name + ":" + version;
        try {
            Files.writeString(context.resolve("Dockerfile"), String.join("\n", "FROM " + base,
                    "LABEL version=" + version, healthcheck, command, ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dockerd.docker("build", "--network", "host", "--tag", image, context.toString()).requireSuccess();
        dockerd.docker("push", image).requireSuccess();
        return ImageReference.parse(image);
    }
}
