package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BackendSelectorTest.NO_DAEMON;
import static io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BackendSelectorTest.selector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The automatic choice among private dockerds (containerd and classic image store), docker buildx and buildah. */
class BackendSelectorIT {
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();
    @RegisterExtension
    static final DockerdExtension classicDockerd = new DockerdExtension().withClassicImageStore();

    @Test
    void shouldPickBuildxWhenItsDockerDriverRunsOnTheContainerdImageStore() {
        BackendChoice choice = selector(dockerd.environment(), "/usr/bin/buildah").choose(BuilderBackend.AUTO);

        assertThat(choice.backend()).isEqualTo(BuilderBackend.BUILDX);
        assertThat(choice.reason()).startsWith("auto: docker buildx is available (github.com/docker/buildx 0.29")
                .endsWith("with the docker driver on a dockerd with the containerd image store, which exports"
                        + " registry caches");
    }

    @Test
    void shouldPickDockerWhenBuildxHasOnlyTheDockerDriverOnTheClassicImageStore() {
        BackendChoice choice = selector(classicDockerd.environment(), "/usr/bin/buildah").choose(BuilderBackend.AUTO);

        assertThat(choice.backend()).isEqualTo(BuilderBackend.DOCKER);
        // a new daemon's only builder is buildx's default one, on the docker driver
        assertThat(choice.reason()).startsWith("auto: docker buildx (github.com/docker/buildx")
                .contains("builds with the docker driver, which cannot export a registry cache (turn on dockerd's"
                        + " containerd image store")
                .contains("; dockerd 26.");
    }

    @Test
    void shouldPickBuildahWhenThereIsNoDockerDaemon() {
        BackendChoice choice = selector(NO_DAEMON, "/usr/bin/buildah").choose(BuilderBackend.AUTO);

        assertThat(choice.backend()).isEqualTo(BuilderBackend.BUILDAH);
        assertThat(choice.reason()).contains("no docker daemon via /usr/bin/docker").contains("buildah version 1.");
    }

    @Test
    void shouldNameThePackagesWhenNothingCanBuild() {
        assertThatThrownBy(() -> selector(NO_DAEMON, "/nonexistent/buildah").choose(BuilderBackend.AUTO))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("no /nonexistent/buildah")
                .hasMessageEndingWith("Install the Debian package docker.io (and start dockerd) or buildah.");
    }
}
