package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResources;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the buildah backend's local cache folder takes from buildah's output: the step images. */
class BuildahLocalCacheTest {
    @Test
    void shouldTakeEachStepImageOfARealBuildahBuildOnceInOrder() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildah-web-new-agent-timed.txt")).stream()
                .map(line -> line.split("\t", 2)[1]).toList();

        assertThat(BuildahLocalCache.stepImages(output)).containsExactly("246d152ab81", "5130e93ebbe", "06c9ef6f526",
                "a3f5c26d70e", "ba2fbb3b55e", "344e4197afb", "144333ffb0f", "a3f23be9df6", "fff5aaf9219", "c618e519828");
    }
}
