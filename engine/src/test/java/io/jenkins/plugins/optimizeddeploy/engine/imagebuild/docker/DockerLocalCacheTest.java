package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResources;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the docker backend's local cache folder takes from docker's output: the images it loaded. */
class DockerLocalCacheTest {
    @Test
    void shouldReadTheReferencesARealDockerLoadPrinted() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("docker-load.txt"));

        assertThat(DockerLocalCache.loadedImages(output)).containsExactly("127.0.0.1:5391/c/web/main:final",
                "127.0.0.1:5391/c/web/main:stage-builder");
        assertThat(DockerLocalCache.loadedImages(List.of("Loaded image ID: sha256:0123", "open x.tar: no such file")))
                .isEmpty();
    }
}
