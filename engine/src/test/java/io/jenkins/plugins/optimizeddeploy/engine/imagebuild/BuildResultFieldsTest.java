package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.testsupport.PlainValues;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BuildResultFieldsTest {
    private static final Digest API_DIGEST = Digest.parse("sha256:" + "c".repeat(64));
    private static final TargetResult API = TargetResult.builder("api", "docker")
            .pushed(List.of(ImageReference.parse("reg.example.com/team/api:0123abc"),
                    ImageReference.parse("reg.example.com/team/api:main")), API_DIGEST, 12_345L)
            .platformSizes(new TreeMap<>(Map.of("linux/amd64", 12_345L, "linux/arm64/v8", 12_000L)))
            .durationMillis(4_200L).steps(new StepStatistics(6, 3, 3), List.of("RUN make"))
            .cache("branch reg.example.com/team/cache/api/main", new CacheTimes(150L, 300L),
                    List.of("registry refused the cache"))
            .build();
    private static final BuildResult RESULT = new BuildResult("docker", "buildx is not installed", List.of(API));

    @Test
    void shouldGivePerTargetItsReferencesAndDigestAsTextBesideItsFigures() {
        Map<String, Object> fields = BuildResultFields.of(RESULT);

        assertThat(fields).containsEntry("backend", "docker").containsEntry("backendReason", "buildx is not installed")
                .containsEntry("steps", Map.of("total", 6, "cached", 3, "executed", 3));
        assertThat(fields.get("targets")).asList().singleElement().isEqualTo(Map.ofEntries(
                Map.entry("target", "api"),
                Map.entry("image", "reg.example.com/team/api:0123abc"),
                Map.entry("images", List.of("reg.example.com/team/api:0123abc", "reg.example.com/team/api:main")),
                Map.entry("digest", API_DIGEST.toString()),
                Map.entry("compressedBytes", 12_345L),
                Map.entry("platformSizes", Map.of("linux/amd64", 12_345L, "linux/arm64/v8", 12_000L)),
                Map.entry("durationMillis", 4_200L),
                Map.entry("steps", Map.of("total", 6, "cached", 3, "executed", 3)),
                Map.entry("cacheHitRate", 0.5),
                Map.entry("cacheSource", "branch reg.example.com/team/cache/api/main"),
                Map.entry("cacheImportMillis", 150L),
                Map.entry("cacheExportMillis", 300L),
                Map.entry("cacheExportFailures", List.of("registry refused the cache")),
                Map.entry("provenance", InspectionFields.provenance(API.provenance()))));
    }

    @Test
    void shouldHoldOnlyValuesAPipelineScriptCanBeGiven() {
        PlainValues.requirePlain(BuildResultFields.of(RESULT));
    }
}
