package io.jenkins.plugins.optimizeddeploy.engine.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Comparison;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Savings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report shows of one run: the run, how it compares with the previous successful build and with the
 * baseline, what the recent builds saved against the baseline, and the recent builds for the trend.
 *
 * @param current  the run
 * @param previous against the previous successful build, null when there is none
 * @param baseline against the pinned baseline, null when there is none
 * @param savings  of the recent builds against the baseline, null when there is no baseline
 * @param history  the recent builds, oldest first, the current one last (the trend); not written to JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(RunMetrics current, Comparison previous, Comparison baseline, Savings savings,
        @JsonIgnore List<RunMetrics> history) {
    public Report {
        Objects.requireNonNull(current, "current");
        history = List.copyOf(history);
    }

    /**
     * The report of {@code current} against the given earlier runs; {@code history} holds the recent builds oldest
     * first, and is just the current run when empty.
     */
    public static Report of(RunMetrics current, Optional<RunMetrics> previous, Optional<RunMetrics> baseline,
            List<RunMetrics> history) {
        List<RunMetrics> recent = history.isEmpty() ? List.of(current) : history;
        return new Report(current, previous.map(earlier -> Comparison.of(current, earlier)).orElse(null),
                baseline.map(earlier -> Comparison.of(current, earlier)).orElse(null),
                baseline.map(earlier -> Savings.of(earlier, recent)).orElse(null), recent);
    }
}
