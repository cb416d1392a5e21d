package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.testsupport.Buildkitd;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerBuildx;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackendSelectorTest {
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static final Map<String, String> NO_DAEMON = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");

    @Test
    void shouldPickDockerWhenTheDaemonAnswersAndBuildxIsMissingOrHasOnlyTheDockerDriver() {
        BackendChoice choice = selector(dockerd.environment(), "/usr/bin/buildah").choose(BuilderBackend.AUTO);

        assertThat(choice.backend()).isEqualTo(BuilderBackend.DOCKER);
        assertThat(choice.reason()).contains("dockerd 20.10");
        if (DockerBuildx.version().isPresent()) {
            // a new daemon's only builder is buildx's default one, on the docker driver
            assertThat(choice.reason()).startsWith("auto: docker buildx (github.com/docker/buildx")
                    .contains("builds with the docker driver, which cannot export a registry cache");
        } else {
            assertThat(choice.reason()).startsWith("auto: no docker buildx");
        }
    }

    @Test
    void shouldPickBuildxWhenItsBuilderCanExportARegistryCache() {
        assumeThat(DockerBuildx.version().isPresent() && Buildkitd.binary().isPresent()).as("docker buildx or"
                + " buildkitd is missing (no bookworm packages; see build/bake-print/README.md): the docker driver case"
                + " and the parsing of docker buildx inspect are checked without them").isTrue();

        try (Buildkitd buildkitd = Buildkitd.start()) {
            BackendChoice choice = selector(buildkitd.clientEnvironment(), "/usr/bin/buildah").choose(BuilderBackend.AUTO);

            assertThat(choice.backend()).isEqualTo(BuilderBackend.BUILDX);
            assertThat(choice.reason()).startsWith("auto: docker buildx is available (github.com/docker/buildx")
                    .endsWith("with a remote builder, which exports registry caches");
        }
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
