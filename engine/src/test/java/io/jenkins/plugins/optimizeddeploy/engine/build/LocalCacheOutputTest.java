package io.jenkins.plugins.optimizeddeploy.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the local cache folders take from the builders' output: the images docker loaded, the step images of buildah. */
class LocalCacheOutputTest {
    @Test
    void shouldReadTheReferencesARealDockerLoadPrinted() throws Exception {
        List<String> output = Files.readAllLines(BakeFileReaderTest.resource("docker-load.txt"));

        assertThat(DockerLocalCache.loadedImages(output)).containsExactly("127.0.0.1:5391/c/web/main:final",
                "127.0.0.1:5391/c/web/main:stage-builder");
        assertThat(DockerLocalCache.loadedImages(List.of("Loaded image ID: sha256:0123", "open x.tar: no such file")))
                .isEmpty();
    }

    @Test
    void shouldTakeEachStepImageOfARealBuildahBuildOnceInOrder() throws Exception {
        List<String> output = Files.readAllLines(BakeFileReaderTest.resource("buildah-web-new-agent-timed.txt")).stream()
                .map(line -> line.split("\t", 2)[1]).toList();

        assertThat(BuildahLocalCache.stepImages(output)).containsExactly("246d152ab81", "5130e93ebbe", "06c9ef6f526",
                "a3f5c26d70e", "ba2fbb3b55e", "344e4197afb", "144333ffb0f", "a3f23be9df6", "fff5aaf9219", "c618e519828");
    }

    @Test
    void shouldSayWhatTheLocalFolderGaveOrWhyItGaveNothing() {
        assertThat(new LocalCacheRead(List.of("a", "b"), "", 120).describe("local /c/web"))
                .isEqualTo("local /c/web (2 cache images loaded)");
        assertThat(LocalCacheRead.empty().describe("local /c/web")).isEqualTo("none: local /c/web holds no cache yet");
        assertThat(new LocalCacheRead(List.of(), "docker load exit code 1: unexpected EOF", 5).describe("local /c/web"))
                .isEqualTo("none: local /c/web could not be read (docker load exit code 1: unexpected EOF)");
    }
}
