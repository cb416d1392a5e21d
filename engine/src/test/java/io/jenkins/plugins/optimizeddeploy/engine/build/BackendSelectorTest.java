package io.jenkins.plugins.optimizeddeploy.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackendSelectorTest {
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static final Map<String, String> NO_DAEMON = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");

    /** Without buildx, or with buildx whose only builder is the daemon's own (the docker driver): both end at docker. */
    @Test
    void shouldPickDockerWhenTheDaemonAnswersButBuildxCannotExportACache() {
        BackendChoice choice = selector(dockerd.environment(), "/usr/bin/buildah").choose(BuilderBackend.AUTO);

        assertThat(choice.backend()).isEqualTo(BuilderBackend.DOCKER);
        assertThat(choice.reason())
                .matches("auto: (no docker buildx .*|docker buildx \\(.*\\) has no builder that can export a registry cache"
                        + " \\(its current builder uses the docker driver; .*\\)); dockerd 20\\.10.*");
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
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown build backend 'kaniko' (known: auto, buildx, docker, buildah)");
    }

    private static BackendSelector selector(Map<String, String> environment, String buildah) {
        return new BackendSelector(new ProcessCommandRunner(), Path.of("/usr/bin/docker"), Path.of(buildah), environment);
    }
}
