package io.jenkins.plugins.optimizeddeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
    @Test
    void shouldDrawOnlyTheLastBuildsHoweverLongTheHistory() {
        List<RunMetrics> history = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            history.add(i % 2 == 0 ? RecordedRuns.FIRST : RecordedRuns.SECOND);
        }

        String svg = TrendChart.svg(history);

        // 50 builds: web in all, worker and api in 25 each; phases: harden, build, verify, retag in all, deploy in 25
        assertThat(svg.split("<circle ", -1)).hasSize(50 + 25 + 25 + 4 * 50 + 25 + 1);
        assertThat(svg).contains("<figcaption class=\"od-trend__title\">Image sizes (compressed)</figcaption>",
                ">88.0 MB</text>", ">9 min 0 s</text>", "od-series--4\"></span>deploy</li>");
    }

    @Test
    void shouldSayWhenThereIsNothingToDraw() {
        assertThat(TrendChart.svg(List.of(RecordedRuns.FIRST)))
                .isEqualTo("<p class=\"od-trend__empty\">The trend needs two builds or more.</p>");
    }
}
