package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Images for deploy tests, built on the busybox base by a test's dockerd and pushed to a test registry (its docker
 * client logged in when the registry wants credentials, so a platform needs the client's login to pull them):
 * healthy ones (a HEALTHCHECK that passes within about a second), one whose HEALTHCHECK never passes and one that
 * exits as it starts. All stop at once on SIGTERM. Each method returns {@code 127.0.0.1:PORT/deploy/NAME:TAG}.
 */
public final class DeployableImages {
    private static final String RUNS = "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; touch /tmp/ready;"
            + " while true; do sleep 1; done\"]";
    private static final String CRASHES = "CMD [\"sh\", \"-c\", \"echo starting; exit 3\"]";
    private static final String READY_CHECK = "HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -f /tmp/ready";
    private static final String NEVER_READY = "HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -f /tmp/never";

    private final DockerdExtension dockerd;
    private final RegistryExtension registry;
    private final String base;
    private final Path context;

    /** @param context an empty folder for the Dockerfiles */
    public DeployableImages(DockerdExtension dockerd, RegistryExtension registry, Path context) {
        this.dockerd = dockerd;
        this.registry = registry;
        this.context = context;
        this.base = registry.pushBusyboxBase("deploy/base", "1");
        if (registry.flavour().hasCredentials()) {
            dockerd.dockerWithStdin(registry.password(), "login", "--username", registry.username(),
                    "--password-stdin", registry.hostPort()).requireSuccess();
        }
    }

    /** {@code deploy/NAME:VERSION}, healthy; each version has its own digest. */
    public String healthy(String name, String version) {
        return build(name, version, READY_CHECK, RUNS);
    }

    public String unhealthy(String name) {
        return build(name, "unhealthy", NEVER_READY, RUNS);
    }

    public String crashing(String name) {
        return build(name, "crashing", READY_CHECK, CRASHES);
    }

    private String build(String name, String version, String healthcheck, String command) {
        String image = registry.hostPort() + "/deploy/" + name + ":" + version;
        try {
            Files.writeString(context.resolve("Dockerfile"), String.join("\n", "FROM " + base,
                    "LABEL version=" + version, healthcheck, command, ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Dockerfile of " + image, e);
        }
        dockerd.docker("build", "--network", "host", "--tag", image, context.toString()).requireSuccess();
        dockerd.docker("push", image).requireSuccess();
        return image;
    }
}
