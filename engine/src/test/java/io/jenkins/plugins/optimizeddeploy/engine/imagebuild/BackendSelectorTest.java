package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackendSelectorTest {
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();
    @RegisterExtension
    static final DockerdExtension classicDockerd = new DockerdExtension().withClassicImageStore();

    private static final Map<String, String> NO_DAEMON = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");

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
    void shouldReadTheCurrentBuildersDriverFromBuildxInspect() {
        assertThat(BackendSelector.builderDriver(List.of("Name:          default", "Driver:        docker",
                "Last Activity: 2026-11-26 23:07:29 +0000 UTC", "", "Nodes:", "Name:      default"))).contains("docker");
        assertThat(BackendSelector.builderDriver(List.of("Name:          od", "Driver:        remote",
                "Nodes:", "Endpoint:  unix:///tmp/bk.sock"))).contains("remote");
        assertThat(BackendSelector.builderDriver(List.of("ERROR: no builder \"x\" found"))).isEmpty();
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

    @Test
    void shouldKeepAnExplicitChoiceAndParseBackendNames() {
        assertThat(selector(NO_DAEMON, "/nonexistent/buildah").choose(BuilderBackend.BUILDX))
                .isEqualTo(new BackendChoice(BuilderBackend.BUILDX, "buildx was asked for"));
        assertThat(BuilderBackend.parse(" Docker ")).isEqualTo(BuilderBackend.DOCKER);
        assertThatThrownBy(() -> BuilderBackend.parse("kaniko"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Unknown build backend 'kaniko' (known: auto, buildx, docker, buildah)");
    }

    private static BackendSelector selector(Map<String, String> environment, String buildah) {
        return new BackendSelector(new ProcessCommandRunner(), Path.of("/usr/bin/docker"), Path.of(buildah), environment);
    }
}
