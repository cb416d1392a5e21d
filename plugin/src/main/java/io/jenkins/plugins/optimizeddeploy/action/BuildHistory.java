package io.jenkins.plugins.optimizeddeploy.action;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.report.Report;
import io.jenkins.plugins.optimizeddeploy.engine.report.TrendChart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which earlier builds a build's page compares with and draws, walking back from a build one build at a time and
 * never further than {@link #MAX_BUILDS}: a job with a long history costs what a short one does.
 */
final class BuildHistory {

    /** The most builds any walk loads, the trend's length. */
    static final int MAX_BUILDS = TrendChart.MAX_BUILDS;

    private BuildHistory() {
    }

    /** The report of {@code build}: against the previous successful recorded build and the baseline, with the trend. */
    static Report report(RecordedBuild build) {
        return Report.of(build.metrics(), previousSuccessful(build).map(RecordedBuild::metrics), baseline(build),
                recent(build, MAX_BUILDS));
    }

    /** The report for the build's summary card: the comparisons, no trend (its builds are not loaded). */
    static Report summary(RecordedBuild build) {
        return Report.of(build.metrics(), previousSuccessful(build).map(RecordedBuild::metrics), baseline(build),
                List.of());
    }

    /** The nearest earlier build that succeeded and has a record, among the {@link #MAX_BUILDS} before it. */
    static Optional<RecordedBuild> previousSuccessful(RecordedBuild build) {
        return nearestBefore(build, earlier -> earlier.successful() && earlier.metrics() != null);
    }

    /**
     * The baseline a new record of {@code build} names: the one the previous recorded build names (among the
     * {@link #MAX_BUILDS} before it), or the build itself when none has a record, so the first build recorded stays
     * the baseline of those after it.
     */
    static int baselineOfNewRecord(RecordedBuild build) {
        return nearestBefore(build, earlier -> earlier.baseline() != 0).map(RecordedBuild::baseline)
                .orElse(build.number());
    }

    private static Optional<RecordedBuild> nearestBefore(RecordedBuild build, Predicate<RecordedBuild> wanted) {
        RecordedBuild earlier = build.previous();
        for (int walked = 1; earlier != null; walked++) {
            if (wanted.test(earlier)) {
                return Optional.of(earlier);
            }
            earlier = walked < MAX_BUILDS ? earlier.previous() : null;
        }
        return Optional.empty();
    }

    /**
     * The record of the baseline of {@code build}: the one chosen for the job, else the one its record names;
     * unless that is the build itself or has no record now.
     */
    static Optional<RunMetrics> baseline(RecordedBuild build) {
        int baseline = baselineNumber(build);
        if (baseline == 0 || baseline == build.number()) {
            return Optional.empty();
        }
        return Optional.ofNullable(build.build(baseline)).map(RecordedBuild::metrics);
    }

    /** The number of the baseline of {@code build}: the one chosen for the job, else the one its record names. */
    static int baselineNumber(RecordedBuild build) {
        return build.pinnedBaseline() != 0 ? build.pinnedBaseline() : build.baseline();
    }

    /** The records of {@code newest} and the builds before it, {@code builds} builds at most, oldest first. */
    static List<RunMetrics> recent(RecordedBuild newest, int builds) {
        List<RunMetrics> records = new ArrayList<>();
        RecordedBuild build = newest;
        for (int walked = 1; build != null; walked++) {
            if (build.metrics() != null) {
                records.add(build.metrics());
            }
            build = walked < builds ? build.previous() : null;
        }
        Collections.reverse(records);
        return records;
    }
}
