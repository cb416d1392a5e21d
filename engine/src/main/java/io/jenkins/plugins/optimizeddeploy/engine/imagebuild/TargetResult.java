package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What building one target gave: the image (first reference) and every reference pushed, its digest and compressed
 * size from the registry, the wall time, the steps (and the names of those that ran rather than came from cache),
 * the cache it read (a registry source, the local folder, or {@code none: } and why), the time spent importing and
 * exporting cache (see {@link CacheTimes}) and the cache exports that failed (they never fail the build).
 */
public record TargetResult(String target, String backend, String image, List<String> images, String digest,
        long compressedBytes, long durationMillis, StepStatistics steps, List<String> executedSteps, String cacheSource,
        long cacheImportMillis,
        long cacheExportMillis,
        List<String> cacheExportFailures) implements Serializable {
    public TargetResult {
        Objects.requireNonNull(target, "target");
        images = List.copyOf(images);
        Objects.requireNonNull(steps, "steps of " + target);
        executedSteps = List.copyOf(executedSteps);
        Objects.requireNonNull(cacheSource, "cache source of " + target);
        cacheExportFailures = List.copyOf(cacheExportFailures);
    }

    /** A result for {@code target} built by {@code backend}; every other part is named on the builder. */
    public static Builder builder(String target, String backend) {
        return new Builder(target, backend);
    }

    /** cached / total steps, 0 to 1. */
    public double cacheHitRate() {
        return steps.hitRate();
    }

    /** Names each part of a result as it is set: unset lists are empty, unset figures 0, unset cache times none. */
    public static final class Builder {
        private final String target;
        private final String backend;
        private String image;
        private List<String> images = List.of();
        private String digest;
        private long compressedBytes;
        private long durationMillis;
        private StepStatistics steps;
        private List<String> executedSteps = List.of();
        private String cacheSource;
        private CacheTimes cacheTimes = CacheTimes.NONE;
        private List<String> cacheExportFailures = List.of();

        private Builder(String target, String backend) {
            this.target = target;
            this.backend = backend;
        }

        /** @param images every reference pushed; {@code image} is the first */
        public Builder pushed(String image, List<String> images, String digest, long compressedBytes) {
            this.image = image;
            this.images = images;
            this.digest = digest;
            this.compressedBytes = compressedBytes;
            return this;
        }

        public Builder durationMillis(long durationMillis) {
            this.durationMillis = durationMillis;
            return this;
        }

        /** @param executedSteps the names of the steps that ran rather than came from cache */
        public Builder steps(StepStatistics steps, List<String> executedSteps) {
            this.steps = steps;
            this.executedSteps = executedSteps;
            return this;
        }

        /** @param source the cache read: a registry source, the local folder, or {@code none: } and why */
        public Builder cache(String source, CacheTimes times, List<String> exportFailures) {
            this.cacheSource = source;
            this.cacheTimes = times;
            this.cacheExportFailures = exportFailures;
            return this;
        }

        public TargetResult build() {
            return new TargetResult(target, backend, image, images, digest, compressedBytes, durationMillis, steps,
                    executedSteps, cacheSource, cacheTimes.importMillis(), cacheTimes.exportMillis(),
                    cacheExportFailures);
        }
    }
}
