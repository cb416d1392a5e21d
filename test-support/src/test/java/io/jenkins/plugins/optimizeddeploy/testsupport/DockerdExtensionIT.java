package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DockerdExtensionIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final RegistryExtension tokenRegistry = RegistryExtension.tokenAuth();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    @Test
    void shouldAnswerDockerVersionFromThePrivateDaemon() {
        CommandResult version = dockerd.docker("version", "--format", "{{.Server.Version}}").requireSuccess();

        assertThat(version.stdout()).isNotBlank();
        assertThat(dockerd.dockerHost()).startsWith("unix:///").endsWith("/docker.sock");
        assertThat(dockerd.environment()).containsEntry("DOCKER_BUILDKIT", "1")
                .containsEntry("DOCKER_CONFIG", dockerd.dockerConfigDir().toString());
        assertThat(dockerd.storageDriver()).isIn("overlay2", "vfs");
    }

    @Test
    void shouldRunEchoInTheBusyboxBasePulledFromTheRegistry() {
        String image = registry.pushBusyboxBase("base/busybox", "echo");

        CommandResult run = dockerd.docker("run", "--rm", "--network", "host", image, "echo", "hello from busybox")
                .requireSuccess();

        assertThat(run.stdout()).isEqualTo("hello from busybox\n");
    }

    @Test
    void shouldPullFromTheTokenRegistryAfterLoginWithPasswordOnStdin() {
        String image = tokenRegistry.pushBusyboxBase("base/busybox", "login");

        CommandResult refused = dockerd.docker("pull", image);
        dockerd.dockerWithStdin(tokenRegistry.password(), "login", "--username", tokenRegistry.username(),
                "--password-stdin", tokenRegistry.hostPort()).requireSuccess();
        CommandResult run = dockerd.docker("run", "--rm", "--network", "host", image, "id", "-u").requireSuccess();

        assertThat(refused.exitCode()).isNotZero();
        assertThat(run.stdout()).isEqualTo("0\n");
        assertThat(dockerd.dockerConfigDir().resolve("config.json")).content().contains(tokenRegistry.hostPort());
    }
}
