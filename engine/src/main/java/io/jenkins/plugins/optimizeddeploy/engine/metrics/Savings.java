package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * CI time the recent builds saved against the baseline's phase times, and that saving projected over a month and a
 * year at the rate the builds ran.
 *
 * @param baseline          the baseline build's display name
 * @param builds            how many recent builds were compared
 * @param savedMillis       the saving over those builds: per build and per phase both recorded, the baseline's
 *                          time minus the build's (negative when the builds got slower)
 * @param buildsPerDay      how often the builds ran, from the first to the last start time; 0 when fewer than two
 *                          builds have a start time
 * @param perMonthMillis    the average saving per build times the builds of 30 days at that rate
 * @param perYearMillis     the same for 365 days
 */
public record Savings(String baseline, int builds, long savedMillis, double buildsPerDay, long perMonthMillis,
        long perYearMillis) {
    private static final Duration DAY = Duration.ofDays(1);

    /** The saving of {@code recent} (oldest first or newest first) against {@code baseline}. */
    public static Savings of(RunMetrics baseline, List<RunMetrics> recent) {
        long saved = 0;
        for (RunMetrics run : recent) {
            for (var phase : baseline.phaseMillis().entrySet()) {
                Long millis = run.phaseMillis().get(phase.getKey());
                if (millis != null) {
                    saved += phase.getValue() - millis;
                }
            }
        }
        List<Instant> starts = recent.stream().map(RunMetrics::started).filter(started -> !started.isEmpty())
                .map(Instant::parse).sorted().toList();
        double perDay = 0;
        if (starts.size() > 1) {
            Duration span = Duration.between(starts.get(0), starts.get(starts.size() - 1));
            perDay = span.isZero() ? 0 : (starts.size() - 1) * (double) DAY.toMillis() / span.toMillis();
        }
        double perBuild = recent.isEmpty() ? 0 : (double) saved / recent.size();
        return new Savings(baseline.build(), recent.size(), saved, perDay, Math.round(perBuild * perDay * 30),
                Math.round(perBuild * perDay * 365));
    }
}
