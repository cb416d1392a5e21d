package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionSummaryTest {

    @Test
    void shouldSummariseEveryPlatformOnOneLine() {
        String line = InspectionSummary.line(Inspections.twoPlatforms());

        assertThat(line)
                .isEqualTo("inspectImage: 127.0.0.1:5000/team/web:1.0 is " + Inspections.INDEX_DIGEST
                        + ", 2 platforms: linux/amd64 1234567 bytes in 2 layers, user app,"
                        + " linux/arm64/v8 1100000 bytes in 1 layer, user root (unset)")
                .doesNotContain("\n");
    }

    @Test
    void shouldKeepTheDigestPlatformsAndBytesOnTheBuild() {
        assertThat(InspectionSummary.record(Inspections.twoPlatforms())).isEqualTo(new StepSummary("inspectImage",
                "127.0.0.1:5000/team/web:1.0", Inspections.INDEX_DIGEST,
                Map.of("platforms", 2L, "compressedBytes", 1_234_567L + 1_100_000L)));
    }

    @Test
    void shouldCountASinglePlatformInTheSingular() {
        ImageInspection single = new ImageInspection("127.0.0.1:5000/app:1", Inspections.AMD64_DIGEST,
                "application/vnd.docker.distribution.manifest.v2+json", List.of(Inspections.amd64()));

        assertThat(InspectionSummary.line(single)).contains(", 1 platform: linux/amd64 ");
    }
}
