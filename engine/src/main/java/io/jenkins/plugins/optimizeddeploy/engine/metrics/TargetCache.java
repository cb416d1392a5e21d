package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import java.util.Objects;

/**
 * How one build target used its cache.
 *
 * @param stepsCached  steps that came from the cache
 * @param stepsTotal   steps of the target
 * @param source       the cache it read (a registry reference, the local folder, or {@code none: } and why)
 * @param importMillis time spent importing cache
 * @param exportMillis time spent exporting cache
 */
public record TargetCache(int stepsCached, int stepsTotal, String source, long importMillis, long exportMillis) {
    public TargetCache {
        if (stepsCached < 0 || stepsTotal < stepsCached || importMillis < 0 || exportMillis < 0) {
            throw new IllegalArgumentException("Cache counts and times must not be negative and cached steps at most"
                    + " the total, were " + stepsCached + " of " + stepsTotal + " steps, import " + importMillis
                    + " ms, export " + exportMillis + " ms");
        }
        source = Objects.requireNonNullElse(source, "");
    }

    /** cached / total, 0 to 1; 0 when there were no steps. */
    public double hitRate() {
        return stepsTotal == 0 ? 0 : (double) stepsCached / stepsTotal;
    }
}
