package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BackendSelectorTest.NO_DAEMON;
import static io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BackendSelectorTest.selector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.optimizeddeploy.testsupport.Buildkitd;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerBuildx;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The automatic choice among a private dockerd, docker buildx with buildkitd, and buildah, run for real. */
class BackendSelectorIT {
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

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
