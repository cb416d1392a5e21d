package io.jenkins.plugins.optimizeddeploy.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.report.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildHistoryTest {

    private final Job job = new Job();

    @Test
    void shouldCompareWithTheNearestEarlierBuildThatSucceededAndHasARecord() {
        job.recorded(true, 1, 100);
        job.recorded(true, 1, 90);
        job.unrecorded(true);
        job.recorded(false, 1, 70);
        Build current = job.recorded(true, 1, 60);

        assertThat(BuildHistory.previousSuccessful(current)).hasValueSatisfying(build ->
                assertThat(build.number()).isEqualTo(2));
        Report report = BuildHistory.summary(current);
        assertThat(report.previous().reference()).isEqualTo("#2");
        assertThat(report.previous().totalMillis().change()).isEqualTo(-30);
        assertThat(report.baseline().reference()).isEqualTo("#1");
        assertThat(report.baseline().totalMillis().change()).isEqualTo(-40);
    }

    @Test
    void shouldNameTheFirstBuildRecordedAsTheBaselineOfEveryLaterRecord() {
        Build first = job.unrecorded(true);
        assertThat(BuildHistory.baselineOfNewRecord(first)).isEqualTo(1);
        job.recorded(true, 2, 100);
        job.unrecorded(false);
        Build later = job.unrecorded(true);

        assertThat(BuildHistory.baselineOfNewRecord(later)).isEqualTo(2);
        assertThat(BuildHistory.baseline(job.builds.get(1))).as("a build is not its own baseline").isEmpty();
        assertThat(BuildHistory.summary(job.builds.get(1)).baseline()).isNull();
    }

    @Test
    void shouldCompareEveryBuildWithTheBaselineChosenForTheJob() {
        job.recorded(true, 1, 100);
        job.recorded(true, 1, 80);
        Build current = job.recorded(true, 1, 60);

        job.pinned = 2;

        assertThat(BuildHistory.baselineNumber(current)).isEqualTo(2);
        assertThat(BuildHistory.summary(current).baseline().reference()).isEqualTo("#2");
        assertThat(BuildHistory.summary(job.builds.get(0)).baseline().reference()).isEqualTo("#2");
        assertThat(BuildHistory.summary(job.builds.get(1)).baseline()).isNull();
    }

    @Test
    void shouldDrawTheTrendFromTheLastBuildsOnlyOldestFirstLoadingNoOlderBuild() {
        for (int number = 1; number <= 1_000; number++) {
            job.recorded(true, 1, number);
        }
        Build last = job.builds.get(999);

        List<RunMetrics> recent = BuildHistory.recent(last, BuildHistory.MAX_BUILDS);

        assertThat(recent).hasSize(50);
        assertThat(recent.get(0).build()).isEqualTo("#951");
        assertThat(recent.get(49).build()).isEqualTo("#1000");
        assertThat(job.loaded).isEqualTo(49);
    }

    @Test
    void shouldStopLookingForAPreviousSuccessfulBuildAfterTheTrendsLength() {
        job.recorded(true, 1, 100);
        for (int number = 2; number <= 1_000; number++) {
            job.unrecorded(true);
        }

        assertThat(BuildHistory.previousSuccessful(job.builds.get(999))).isEmpty();
        assertThat(BuildHistory.baselineOfNewRecord(job.builds.get(999))).isEqualTo(1_000);
        assertThat(job.loaded).isEqualTo(2 * BuildHistory.MAX_BUILDS);
    }

    /** A job's builds in memory, counting how many times a walk stepped back to an earlier build. */
    private static final class Job {
        private final List<Build> builds = new ArrayList<>();
        private int loaded;
        private int pinned;

        Build recorded(boolean successful, int baseline, long buildMillis) {
            int number = builds.size() + 1;
            RunMetrics metrics = RunMetrics.builder("app", "#" + number,
                    Instant.parse("2026-12-07T09:00:00Z").plusSeconds(number * 600L).toString()).failed(!successful)
                    .phaseMillis(Map.of(Phase.BUILD, buildMillis)).build();
            Build build = new Build(this, number, successful, metrics, baseline);
            builds.add(build);
            return build;
        }

        Build unrecorded(boolean successful) {
            Build build = new Build(this, builds.size() + 1, successful, null, 0);
            builds.add(build);
            return build;
        }
    }

    private record Build(Job job, int number, boolean successful, RunMetrics metrics, int baseline)
            implements RecordedBuild {
        @Override
        public int pinnedBaseline() {
            return job.pinned;
        }

        @Override
        public RecordedBuild previous() {
            job.loaded++;
            return number == 1 ? null : job.builds.get(number - 2);
        }

        @Override
        public RecordedBuild build(int other) {
            return other < 1 || other > job.builds.size() ? null : job.builds.get(other - 1);
        }
    }
}
