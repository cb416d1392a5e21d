package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
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
    void shouldKeepTheDigestPlatformsAndBytesOnTheBuildUnderTheNamesBakeImagesRecordsThemWith() {
        StepSummary record = InspectionSummary.record(Inspections.twoPlatforms());

        assertThat(record).isEqualTo(new StepSummary("inspectImage", "127.0.0.1:5000/team/web:1.0",
                Inspections.INDEX_DIGEST, Map.of("platforms", 2L, "compressedBytes", 1_234_567L,
                        "compressedBytes linux/amd64", 1_234_567L, "compressedBytes linux/arm64/v8", 1_100_000L)));
        assertThat(record.getFigures()).as("compressedBytes is the first platform's, as everywhere")
                .containsExactly(Map.entry("platforms", 2L), Map.entry("compressedBytes", 1_234_567L),
                        Map.entry("compressedBytes linux/amd64", 1_234_567L),
                        Map.entry("compressedBytes linux/arm64/v8", 1_100_000L));
    }

    @Test
    void shouldRecordTheImageUnderTheNameOfTheBakeTargetItCompletes() {
        assertThat(InspectionSummary.imageName(ImageReference.parse("registry.example.com/team/web:1.4"))).isEqualTo("web");
        assertThat(InspectionSummary.imageName(ImageReference.parse("127.0.0.1:5000/worker@sha256:" + "a".repeat(64))))
                .isEqualTo("worker");
    }

    @Test
    void shouldEscapeTerminalControlCharactersTheRegistrySent() {
        PlatformImage hostile = PlatformImage.builder("linux/amd64\u001b[2J", Digest.parse(Inspections.AMD64_DIGEST))
                .content(1L, List.of()).user("app\u001b]0;owned\u0007\nFinished: SUCCESS").build();

        String line = InspectionSummary.line(new ImageInspection(ImageReference.parse("127.0.0.1:5000/app:1"), Digest.parse(Inspections.AMD64_DIGEST),
                "application/vnd.docker.distribution.manifest.v2+json", List.of(hostile)));

        assertThat(line).doesNotContain("\u001b", "\u0007", "\n")
                .endsWith("linux/amd64\\x1b[2J 1 bytes in 0 layers, user app\\x1b]0;owned\\x07\\nFinished: SUCCESS");
    }

    @Test
    void shouldCountASinglePlatformInTheSingular() {
        ImageInspection single = new ImageInspection(ImageReference.parse("127.0.0.1:5000/app:1"), Digest.parse(Inspections.AMD64_DIGEST),
                "application/vnd.docker.distribution.manifest.v2+json", List.of(Inspections.amd64()));

        assertThat(InspectionSummary.line(single)).contains(", 1 platform: linux/amd64 ");
    }
}
