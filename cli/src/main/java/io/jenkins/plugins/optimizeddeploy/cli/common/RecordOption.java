package io.jenkins.plugins.optimizeddeploy.cli.common;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongFunction;
import picocli.CommandLine.Option;

/**
 * {@code --record FILE} of the commands that do a phase's work: their part of the build's metrics record, added
 * to FILE, which is created (named after $JOB_NAME and $BUILD_DISPLAY_NAME or #$BUILD_NUMBER) when missing.
 */
public final class RecordOption {
    private final long startNanos = System.nanoTime();

    @Option(names = "--record", paramLabel = "FILE",
            description = "Add this phase's part (wall time, images, cache, findings) to the build's metrics record"
                    + " FILE, created when missing, for 'optimized-deploy report'.")
    Path file;

    /**
     * Reads the record given, if it exists, before the command does its work: a folder, a device or a broken record
     * then ends the command before it builds, pushes or moves anything.
     *
     * @throws io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsRecordException naming the file
     */
    public void checkBeforeWork() {
        if (file != null && Files.exists(file)) {
            MetricsJson.read(file);
        }
    }

    /** Adds the part made from the wall time since the command started, when --record was given. */
    public void add(LongFunction<RunMetrics> part) {
        if (file == null) {
            return;
        }
        RunMetrics phase = part.apply((System.nanoTime() - startNanos) / 1_000_000);
        MetricsJson.addTo(file, Files.exists(file) ? phase : newRun(System.getenv()).mergedWith(phase));
    }

    public static RunMetrics newRun(Map<String, String> environment) {
        String number = environment.getOrDefault("BUILD_NUMBER", "");
        return RunMetrics.of(environment.getOrDefault("JOB_NAME", ""), environment.getOrDefault("BUILD_DISPLAY_NAME",
                number.isEmpty() ? "" : "#" + number), Instant.now());
    }
}
