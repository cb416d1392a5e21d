package io.jenkins.plugins.optimizeddeploy.engine.build;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What building one target gave: the image (first reference) and every reference pushed, its digest and compressed
 * size from the registry (of its first platform; every platform's in {@code platformSizes}, attestations left out), the wall time, the steps (and the names of those that ran rather than came from cache),
 * the cache it read (a registry source, the local folder, or {@code none: } and why), the time spent importing and
 * exporting cache (see {@link CacheTimes}) and the cache exports that failed (they never fail the build).
 */
public record TargetResult(String target, String backend, String image, List<String> images, String digest,
        long compressedSize, Map<String, Long> platformSizes, long durationMillis, StepStatistics steps, List<String> executedSteps, String cacheSource,
        long cacheImportMillis,
        long cacheExportMillis,
        List<String> cacheExportFailures) implements Serializable {
    public TargetResult {
        Objects.requireNonNull(target, "target");
        images = List.copyOf(images);
        platformSizes = Collections.unmodifiableMap(new LinkedHashMap<>(platformSizes));
        Objects.requireNonNull(steps, "steps of " + target);
        executedSteps = List.copyOf(executedSteps);
        Objects.requireNonNull(cacheSource, "cache source of " + target);
        cacheExportFailures = List.copyOf(cacheExportFailures);
    }

    /** cached / total steps, 0 to 1. */
    public double cacheHitRate() {
        return steps.hitRate();
    }
}
