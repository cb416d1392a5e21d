package io.jenkins.plugins.optimizeddeploy.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a local cache folder gave a build, as the result and the log say it. */
class LocalCacheReadTest {
    @Test
    void shouldSayWhatTheLocalFolderGaveOrWhyItGaveNothing() {
        assertThat(new LocalCacheRead(List.of("a", "b"), "", 120).describe("local /c/web"))
                .isEqualTo("local /c/web (2 cache images loaded)");
        assertThat(LocalCacheRead.empty().describe("local /c/web")).isEqualTo("none: local /c/web holds no cache yet");
        assertThat(new LocalCacheRead(List.of(), "docker load exit code 1: unexpected EOF", 5).describe("local /c/web"))
                .isEqualTo("none: local /c/web could not be read (docker load exit code 1: unexpected EOF)");
    }
}
