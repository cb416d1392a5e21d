package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.util.Locale;

/** One line per target as it starts and as it finishes, for the Jenkins console and the CLI. Must be thread-safe. */
@FunctionalInterface
public interface BuildProgress {
    BuildProgress SILENT = line -> { };

    void line(String line);

    default void started(PlannedTarget target, String backend) {
        line(target.name() + ": building " + target.image() + " with " + backend);
    }

    default void finished(TargetResult result) {
        StepStatistics steps = result.steps();
        line(String.format(Locale.ROOT, "%s: built in %.1f s, %d of %d steps cached (%.0f %%), cache import %.1f s"
                + " (%s), export %.1f s, %s%s", result.target(), result.durationMillis() / 1000.0, steps.cached(),
                steps.total(), steps.hitRate() * 100, result.cacheImportMillis() / 1000.0, result.cacheSource(),
                result.cacheExportMillis() / 1000.0, result.digest(),
                result.cacheExportFailures().isEmpty() ? "" : "; cache export failed: "
                        + String.join("; ", result.cacheExportFailures())));
    }
}
