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
    @RegisterExtension
    static final DockerdExtension classicDockerd = new DockerdExtension().withClassicImageStore();

    @Test
    void shouldAnswerDockerVersionFromThePrivateDaemon() {
        CommandResult version = dockerd.docker("version", "--format", "{{.Server.Version}}").requireSuccess();

        assertThat(version.stdout()).isNotBlank();
        assertThat(dockerd.dockerHost()).startsWith("unix:///").endsWith("/docker.sock");
        assertThat(dockerd.environment()).containsEntry("DOCKER_BUILDKIT", "1")
                .containsEntry("DOCKER_CONFIG", dockerd.dockerConfigDir().toString());
        assertThat(dockerd.imageStore()).isEqualTo(DockerImageStore.CONTAINERD);
        assertThat(dockerd.storageDriver()).isIn("overlayfs", "native");
        assertThat(dockerd.docker("info", "--format", "{{json .DriverStatus}}").requireSuccess().stdout())
                .contains("io.containerd.snapshotter.v1");
    }

    @Test
    void shouldStartADaemonOfItsOwnWithTheClassicImageStoreOnRequest() {
        CommandResult info = classicDockerd.docker("info", "--format", "{{json .DriverStatus}}").requireSuccess();

        assertThat(classicDockerd.imageStore()).isEqualTo(DockerImageStore.CLASSIC);
        assertThat(classicDockerd.storageDriver()).isIn("overlay2", "vfs");
        assertThat(info.stdout()).doesNotContain("io.containerd.snapshotter.v1");
        assertThat(classicDockerd.dockerHost()).isNotEqualTo(dockerd.dockerHost());
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

        CommandResult refused = classicDockerd.docker("pull", image);
        classicDockerd.dockerWithStdin(tokenRegistry.password(), "login", "--username", tokenRegistry.username(),
                "--password-stdin", tokenRegistry.hostPort()).requireSuccess();
        CommandResult run = classicDockerd.docker("run", "--rm", "--network", "host", image, "id", "-u")
                .requireSuccess();

        assertThat(refused.exitCode()).isNotZero();
        assertThat(run.stdout()).isEqualTo("0\n");
        assertThat(classicDockerd.dockerConfigDir().resolve("config.json")).content()
                .contains(tokenRegistry.hostPort());
    }

    @Test
    void shouldNotTrustTheTokenServersOwnCertificateWithTheContainerdStore() {
        String image = tokenRegistry.pushBusyboxBase("base/busybox", "containerd-login");

        dockerd.dockerWithStdin(tokenRegistry.password(), "login", "--username", tokenRegistry.username(),
                "--password-stdin", tokenRegistry.hostPort()).requireSuccess();
        CommandResult pull = dockerd.docker("pull", image);

        // the classic store fetches tokens with the insecure registry's TLS settings, the containerd store with
        // the system's certificate authorities only: a token realm needs a certificate the host trusts
        assertThat(pull.exitCode()).isNotZero();
        assertThat(pull.stderr()).contains("failed to fetch oauth token", "certificate signed by unknown authority");
    }
}
