package io.jenkins.plugins.optimizeddeploy.steps.bake;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BakeResultMapTest {

    private static final String WEB_DIGEST = "sha256:" + "a".repeat(64);
    /** Ordered, as an index lists its platforms. */
    private static final Map<String, Long> PLATFORM_SIZES =
            new TreeMap<>(Map.of("linux/amd64", 12_345L, "linux/arm64/v8", 12_000L));

    private static TargetResult target(String name, int total, int cached, List<String> exportFailures) {
        return TargetResult.builder(name, "docker").pushed("reg.example.com/team/" + name + ":0123abc",
                        List.of("reg.example.com/team/" + name + ":0123abc", "reg.example.com/team/" + name + ":main"),
                        WEB_DIGEST, 12_345L)
                .platformSizes(PLATFORM_SIZES)
                .durationMillis(4_200L).steps(new StepStatistics(total, cached, total - cached), List.of())
                .cache("branch reg.example.com/team/cache/" + name + "/main", new CacheTimes(150L, 300L), exportFailures)
                .build();
    }

    private static final BuildResult RESULT = new BuildResult("docker", "buildx is not installed",
            List.of(target("web", 10, 9, List.of()), target("api", 6, 3, List.of("registry refused the cache"))));

    @Test
    void shouldNameEveryFieldAsTheCommandLineJsonDoes() {
        assertThat(FieldNames.of(BakeResultMap.from(RESULT))).isEqualTo(FieldNames.of(BuildResultFields.of(RESULT)))
                .contains("targets[].compressedBytes", "targets[].steps.cached");
    }

    @Test
    void shouldReturnPerTargetTheImageDigestSizeDurationStepsHitRateAndCacheTimes() {
        Map<String, Object> returned = BakeResultMap.from(RESULT);

        assertThat(returned).containsEntry("backend", "docker").containsEntry("backendReason", "buildx is not installed")
                .containsEntry("steps", Map.of("total", 16, "cached", 12, "executed", 4));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) returned.get("targets");
        assertThat(targets).extracting(target -> target.get("target")).containsExactly("web", "api");
        assertThat(targets.get(0)).containsExactly(
                Map.entry("target", "web"),
                Map.entry("image", "reg.example.com/team/web:0123abc"),
                Map.entry("images", List.of("reg.example.com/team/web:0123abc", "reg.example.com/team/web:main")),
                Map.entry("digest", WEB_DIGEST),
                Map.entry("compressedBytes", 12_345L),
                Map.entry("platformSizes", Map.of("linux/amd64", 12_345L, "linux/arm64/v8", 12_000L)),
                Map.entry("durationMillis", 4_200L),
                Map.entry("steps", Map.of("total", 10, "cached", 9, "executed", 1)),
                Map.entry("cacheHitRate", 0.9),
                Map.entry("cacheSource", "branch reg.example.com/team/cache/web/main"),
                Map.entry("cacheImportMillis", 150L),
                Map.entry("cacheExportMillis", 300L),
                Map.entry("cacheExportFailures", List.of()),
                Map.entry("provenance", InspectionFields.provenance(RESULT.targets().get(0).provenance())));
        assertThat(targets.get(1)).containsEntry("cacheHitRate", 0.5)
                .containsEntry("cacheExportFailures", List.of("registry refused the cache"));
    }

    @Test
    void shouldKeepPerTargetItsImageDigestSizeTimeStepsHitRateAndCacheTimesOnTheBuild() {
        List<StepSummary> records = BakeResultMap.records(RESULT);

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
        assertThat(BakeResultMap.line(RESULT)).isEqualTo("bakeImages: 2 target(s) with docker, 12 of 16 steps cached (75 %)");
    }

    @Test
    void shouldReturnOnlyValuesThePipelineCanKeep() throws IOException, ClassNotFoundException {
        Map<String, Object> returned = BakeResultMap.from(RESULT);

        assertThat(JavaSerialization.roundTrip((java.io.Serializable) returned)).isEqualTo(returned);
    }
}
