package io.jenkins.plugins.optimizeddeploy.engine.report;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Recorded runs of a job "shop": first build, images added and removed, a failed build, a rollback. */
final class RecordedRuns {
    static final RunMetrics FIRST = read("first.json");
    static final RunMetrics SECOND = read("second.json");
    static final RunMetrics FAILED = read("failed.json");
    static final RunMetrics ROLLBACK = read("rollback.json");

    private RecordedRuns() {
    }

    static RunMetrics read(String name) {
        try (InputStream json = RecordedRuns.class.getResourceAsStream(name)) {
            if (json == null) {
                throw new IllegalStateException("No recorded run " + name + " next to " + RecordedRuns.class);
            }
            return MetricsJson.read(new String(json.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    /** The first build: no previous build, itself the baseline. */
    static Report first() {
        return Report.of(FIRST, Optional.empty(), Optional.empty(), List.of(FIRST));
    }

    /** The second build against the first, which is also the baseline: api added, worker removed. */
    static Report second() {
        return Report.of(SECOND, Optional.of(FIRST), Optional.of(FIRST), List.of(FIRST, SECOND));
    }

    /** The failed third build against the second (the previous successful one). */
    static Report failed() {
        return Report.of(FAILED, Optional.of(SECOND), Optional.of(FIRST), List.of(FIRST, SECOND, FAILED));
    }

    /** The fourth build, rolled back, against the second. */
    static Report rollback() {
        return Report.of(ROLLBACK, Optional.of(SECOND), Optional.of(FIRST), List.of(FIRST, SECOND, FAILED, ROLLBACK));
    }
}
