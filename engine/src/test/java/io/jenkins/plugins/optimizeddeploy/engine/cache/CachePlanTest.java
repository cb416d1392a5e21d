package io.jenkins.plugins.optimizeddeploy.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachePlanTest {
    private static final String REPOSITORY = "reg.example.com/team/cache";

    @Test
    void shouldGiveEachTargetAndBranchItsOwnPrimaryThenTheDefaultBranchThenTheLocalFolder() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "feature/Login", "main")
                .withLocalDirectory(Path.of("/agent/cache")));

        assertThat(plan.primary().location()).isEqualTo("reg.example.com/team/cache/web/feature-login");
        assertThat(plan.readOrder()).extracting(CacheSource::toString).containsExactly(
                "branch reg.example.com/team/cache/web/feature-login",
                "default-branch reg.example.com/team/cache/web/main",
                "local /agent/cache/web");
        assertThat(CachePlan.forTarget("worker", CacheSettings.of(REPOSITORY, "feature/Login", "main")).primary())
                .isNotEqualTo(plan.primary());
    }

    @Test
    void shouldNotReadTheDefaultBranchTwiceOnTheDefaultBranch() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "main", "main"));

        assertThat(plan.readOrder()).extracting(CacheSource::location).containsExactly("reg.example.com/team/cache/web/main");
    }

    @Test
    void shouldReadOnlyTheChosenFallbacksInTheirOrder() {
        CacheSettings settings = CacheSettings.of(REPOSITORY, "dev", "main").withLocalDirectory(Path.of("/c"))
                .withFallbacks(List.of(CacheFallback.LOCAL, CacheFallback.DEFAULT_BRANCH));

        assertThat(CachePlan.forTarget("web", settings).fallbacks()).extracting(CacheSource::role)
                .containsExactly(CacheFallback.LOCAL, CacheFallback.DEFAULT_BRANCH);
        assertThat(CachePlan.forTarget("web", settings.withFallbacks(List.of())).readOrder()).hasSize(1);
    }

    @Test
    void shouldRenderBuildxEntriesThatNeverFailTheBuild() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "dev", "main")
                .withLocalDirectory(Path.of("/c")));

        assertThat(plan.buildxCacheFrom()).containsExactly(
                "type=registry,ref=reg.example.com/team/cache/web/dev:buildx",
                "type=registry,ref=reg.example.com/team/cache/web/main:buildx",
                "type=local,src=/c/web");
        assertThat(plan.buildxCacheTo()).containsExactly(
                "type=registry,ref=reg.example.com/team/cache/web/dev:buildx,mode=max,ignore-error=true",
                "type=local,dest=/c/web.next,mode=max,ignore-error=true");
        assertThat(plan.local()).map(CacheSource::location).contains("/c/web");
        assertThat(CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "dev", "main")).local()).isEmpty();
    }

    @Test
    void shouldRenderDockerReferencesForTheFinalImageAndEveryStage() {
        CachePlan plan = CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "dev", "main"));

        assertThat(CachePlan.dockerCacheFrom(plan.fallbacks().get(0), List.of("builder", "runtime"))).containsExactly(
                "reg.example.com/team/cache/web/main:final",
                "reg.example.com/team/cache/web/main:stage-builder",
                "reg.example.com/team/cache/web/main:stage-runtime");
        assertThat(plan.dockerStageReference("builder")).isEqualTo("reg.example.com/team/cache/web/dev:stage-builder");
        assertThat(plan.finalReference()).isEqualTo("reg.example.com/team/cache/web/dev:final");
    }

    @Test
    void shouldRefuseNamesThatCannotBecomeARepositoryAndUnknownFallbacks() {
        assertThatThrownBy(() -> CachePlan.forTarget("web", CacheSettings.of(REPOSITORY, "///", "main")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("branch '///'");
        assertThatThrownBy(() -> CacheSettings.of("Bad Repo", "dev", "main"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Bad Repo");
        assertThatThrownBy(() -> CacheFallback.parse("s3"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Unknown cache fallback 's3' (known: branch, default-branch, local)");
        assertThat(CacheFallback.parse(" Default-Branch ")).isEqualTo(CacheFallback.DEFAULT_BRANCH);
    }
}
