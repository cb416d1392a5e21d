package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend selector's parsing and explicit choices; BackendSelectorIT picks among the real tools. */
class BackendSelectorTest {
    static final Map<String, String> NO_DAEMON = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");

    @Test
    void shouldReadTheCurrentBuildersDriverFromBuildxInspect() {
        assertThat(BackendSelector.builderDriver(List.of("Name:          default", "Driver:        docker",
                "Last Activity: 2026-11-26 23:07:29 +0000 UTC", "", "Nodes:", "Name:      default"))).contains("docker");
        assertThat(BackendSelector.builderDriver(List.of("Name:          od", "Driver:        remote",
                "Nodes:", "Endpoint:  unix:///tmp/bk.sock"))).contains("remote");
        assertThat(BackendSelector.builderDriver(List.of("ERROR: no builder \"x\" found"))).isEmpty();
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

    static BackendSelector selector(Map<String, String> environment, String buildah) {
        return new BackendSelector(new ProcessCommandRunner(), Path.of("/usr/bin/docker"), Path.of(buildah), environment);
    }
}
