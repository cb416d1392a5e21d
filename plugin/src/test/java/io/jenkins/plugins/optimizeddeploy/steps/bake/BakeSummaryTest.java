package io.jenkins.plugins.optimizeddeploy.steps.bake;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BakeSummaryTest {

    private static final String WEB_DIGEST = "sha256:" + "a".repeat(64);
    /** Ordered, as an index lists its platforms. */
    private static final Map<String, Long> PLATFORM_SIZES =
            new TreeMap<>(Map.of("linux/amd64", 12_345L, "linux/arm64/v8", 12_000L));

    private static TargetResult target(String name, int total, int cached, List<String> exportFailures) {
        return TargetResult.builder(name, "docker")
                .pushed(List.of(ImageReference.parse("reg.example.com/team/" + name + ":0123abc"),
                        ImageReference.parse("reg.example.com/team/" + name + ":main")), Digest.parse(WEB_DIGEST), 12_345L)
                .platformSizes(PLATFORM_SIZES)
                .durationMillis(4_200L).steps(new StepStatistics(total, cached, total - cached), List.of())
                .cache("branch reg.example.com/team/cache/" + name + "/main", new CacheTimes(150L, 300L), exportFailures)
                .build();
    }

    private static final BuildResult RESULT = new BuildResult("docker", "buildx is not installed",
            List.of(target("web", 10, 9, List.of()), target("api", 6, 3, List.of("registry refused the cache"))));

    @Test
    void shouldKeepPerTargetItsImageDigestSizeTimeStepsHitRateAndCacheTimesOnTheBuild() {
        List<StepSummary> records = BakeSummary.records(RESULT);

        assertThat(records).extracting(StepSummary::getSubject)
                .containsExactly("reg.example.com/team/web:0123abc", "reg.example.com/team/api:0123abc");
        assertThat(records.get(0).getStep()).isEqualTo("bakeImages");
        assertThat(records.get(0).getOutcome()).isEqualTo(WEB_DIGEST);
        assertThat(records.get(0).getFigures()).containsExactly(Map.entry("compressedBytes", 12_345L),
                Map.entry("compressedBytes linux/amd64", 12_345L), Map.entry("compressedBytes linux/arm64/v8", 12_000L),
                Map.entry("durationMillis", 4_200L), Map.entry("steps", 10L), Map.entry("cachedSteps", 9L),
                Map.entry("cacheHitPercent", 90L), Map.entry("cacheImportMillis", 150L),
                Map.entry("cacheExportMillis", 300L));
        assertThat(records.get(1).getFigures()).containsEntry("cacheHitPercent", 50L);
    }

    @Test
    void shouldSumUpTheBuildInOneLine() {
        assertThat(BakeSummary.line(RESULT)).isEqualTo("bakeImages: 2 target(s) with docker, 12 of 16 steps cached (75 %)");
    }
}
