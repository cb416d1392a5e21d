package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    static RunMetrics run(String build, String started, Map<String, Long> sizes, Map<Phase, Long> phases) {
        Map<String, ImageMetrics> images = new TreeMap<>();
        sizes.forEach((name, size) -> images.put(name, new ImageMetrics(null,
                Digest.sha256Of((name + size).getBytes(StandardCharsets.UTF_8)), size, 3,
                List.of())));
        return RunMetrics.of("shop", build, Instant.parse(started))
                .mergedWith(RunMetrics.part().images(images).phaseMillis(phases).build());
    }

    @Test
    void shouldShowImagesAddedRemovedAndChangedAndPhaseDeltas() {
        RunMetrics before = run("#1", "2026-12-01T00:00:00Z", Map.of("web", 1_000L, "cron", 500L),
                Map.of(Phase.BUILD, 10_000L));
        RunMetrics after = run("#2", "2026-12-02T00:00:00Z", Map.of("web", 750L, "worker", 2_000L),
                Map.of(Phase.BUILD, 12_500L, Phase.RETAG, 100L));

        Comparison comparison = Comparison.of(after, before);

        assertThat(comparison.reference()).isEqualTo("#1");
        assertThat(comparison.images()).extracting(ImageChange::image, ImageChange::kind).containsExactly(
                tuple("cron", ImageChange.Kind.REMOVED),
                tuple("web", ImageChange.Kind.KEPT),
                tuple("worker", ImageChange.Kind.ADDED));
        assertThat(comparison.images().get(1).size()).isEqualTo(new Delta(1_000, 750, -250, -0.25));
        assertThat(comparison.images().get(2).size()).isEqualTo(new Delta(0, 2_000, 2_000, null));
        assertThat(comparison.phases().keySet()).containsExactly(Phase.BUILD, Phase.RETAG);
        assertThat(comparison.phases().get(Phase.BUILD).relative()).isEqualTo(0.25);
        assertThat(comparison.totalMillis()).isEqualTo(Delta.of(10_000, 12_600));
        assertThat(comparison.totalSize()).isEqualTo(Delta.of(1_500, 2_750));
    }

    @Test
    void shouldSumTheSavingOfRecentBuildsAndProjectItAtTheirRate() {
        RunMetrics baseline = run("#1", "2026-11-01T00:00:00Z", Map.of(), Map.of(Phase.BUILD, 60_000L,
                Phase.DEPLOY, 30_000L));
        List<RunMetrics> recent = List.of(
                run("#10", "2026-12-01T00:00:00Z", Map.of(), Map.of(Phase.BUILD, 20_000L, Phase.DEPLOY, 10_000L)),
                run("#11", "2026-12-01T12:00:00Z", Map.of(), Map.of(Phase.BUILD, 30_000L)),
                run("#12", "2026-12-02T00:00:00Z", Map.of(), Map.of(Phase.BUILD, 40_000L, Phase.VERIFY, 5_000L)));

        Savings savings = Savings.of(baseline, recent);

        // 40 + 20 (deploy) + 30 + 20 s over 3 builds, 2 builds a day
        assertThat(savings).isEqualTo(new Savings("#1", 3, 110_000, 2.0, 2_200_000, 26_766_667));
    }

    @Test
    void shouldNotProjectWithoutTwoStartTimes() {
        RunMetrics baseline = run("#1", "2026-11-01T00:00:00Z", Map.of(), Map.of(Phase.BUILD, 60_000L));

        Savings savings = Savings.of(baseline, List.of(run("#2", "2026-12-01T00:00:00Z", Map.of(),
                Map.of(Phase.BUILD, 50_000L))));

        assertThat(savings.savedMillis()).isEqualTo(10_000);
        assertThat(savings.perMonthMillis()).isZero();
    }
}
