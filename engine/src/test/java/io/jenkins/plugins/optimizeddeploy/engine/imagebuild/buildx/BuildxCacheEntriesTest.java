package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildxCacheEntriesTest {
    private static final String REPOSITORY = "reg.example.com/team/cache";

    @Test
    void shouldRenderBuildxEntriesThatNeverFailTheBuild() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "dev", "main")
                .withLocalDirectory(Path.of("/c")));

        assertThat(BuildxCacheEntries.cacheFrom(plan)).containsExactly(
                "type=registry,ref=reg.example.com/team/cache/web/dev:buildx",
                "type=registry,ref=reg.example.com/team/cache/web/main:buildx",
                "type=local,src=/c/web");
        assertThat(BuildxCacheEntries.cacheTo(plan)).containsExactly(
                "type=registry,ref=reg.example.com/team/cache/web/dev:buildx,mode=max,ignore-error=true",
                "type=local,dest=/c/web.next,mode=max,ignore-error=true");
    }

    @Test
    void shouldExportNoLocalCacheWithoutALocalFolder() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "dev", "main"));

        assertThat(BuildxCacheEntries.cacheTo(plan)).containsExactly(
                "type=registry,ref=reg.example.com/team/cache/web/dev:buildx,mode=max,ignore-error=true");
        assertThat(BuildxCacheEntries.localExport(plan)).isEmpty();
    }
}
