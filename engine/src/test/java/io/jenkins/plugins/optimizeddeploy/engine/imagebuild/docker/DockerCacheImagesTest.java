package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerCacheImagesTest {
    @Test
    void shouldRenderDockerReferencesForTheFinalImageAndEveryStage() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of("reg.example.com/team/cache", "dev", "main"));

        assertThat(DockerCacheImages.cacheFrom(plan.fallbacks().get(0), List.of("builder", "runtime"))).containsExactly(
                "reg.example.com/team/cache/web/main:final",
                "reg.example.com/team/cache/web/main:stage-builder",
                "reg.example.com/team/cache/web/main:stage-runtime");
        assertThat(DockerCacheImages.stageReference(plan, "Builder")).isEqualTo(
                "reg.example.com/team/cache/web/dev:stage-builder");
    }
}
