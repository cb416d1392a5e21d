package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What building one target gave: the image (first reference) and every reference pushed, its digest and compressed
 * size from the registry (of its first platform; every platform's in {@code platformSizes}, attestations left out),
 * the wall time, the steps (and the names of those that ran rather than came from cache),
 * the cache it read (a registry source, the local folder, or {@code none: } and why), the time spent importing and
 * exporting cache (see {@link CacheTimes}), the cache exports that failed (they never fail the build) and the
 * image's provenance (of its first platform) or why it has none.
 */
public record TargetResult(String target, String backend, ImageReference image, List<ImageReference> images,
        Digest digest, long compressedBytes, Map<String, Long> platformSizes, long durationMillis, StepStatistics steps, List<String> executedSteps, String cacheSource,
        long cacheImportMillis,
        long cacheExportMillis,
        List<String> cacheExportFailures, Provenance provenance) implements Serializable {
    public TargetResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(image, "image of " + target);
        images = List.copyOf(images);
        Objects.requireNonNull(digest, "digest of " + target);
        platformSizes = Collections.unmodifiableMap(new LinkedHashMap<>(platformSizes));
        Objects.requireNonNull(steps, "steps of " + target);
        executedSteps = List.copyOf(executedSteps);
        Objects.requireNonNull(cacheSource, "cache source of " + target);
        cacheExportFailures = List.copyOf(cacheExportFailures);
        provenance = Objects.requireNonNullElse(provenance, Provenance.missing("not recorded"));
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
        private ImageReference image;
        private List<ImageReference> images = List.of();
        private Digest digest;
        private long compressedBytes;
        private Map<String, Long> platformSizes = Map.of();
        private long durationMillis;
        private StepStatistics steps;
        private List<String> executedSteps = List.of();
        private String cacheSource;
        private CacheTimes cacheTimes = CacheTimes.NONE;
        private List<String> cacheExportFailures = List.of();
        private Provenance provenance;

        private Builder(String target, String backend) {
            this.target = target;
            this.backend = backend;
        }

        /** @param images every reference pushed; the first is the result's {@code image} */
        public Builder pushed(List<ImageReference> images, Digest digest, long compressedBytes) {
            this.image = images.get(0);
            this.images = images;
            this.digest = digest;
            this.compressedBytes = compressedBytes;
            return this;
        }

        /** @param platformSizes the compressed size of each platform's image, by platform ({@code linux/arm64}) */
        public Builder platformSizes(Map<String, Long> platformSizes) {
            this.platformSizes = platformSizes;
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

        /** @param provenance what the image's provenance attestation says, or why it has none */
        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        public TargetResult build() {
            return new TargetResult(target, backend, image, images, digest, compressedBytes, platformSizes, durationMillis,
                    steps,
                    executedSteps, cacheSource, cacheTimes.importMillis(), cacheTimes.exportMillis(),
                    cacheExportFailures, provenance);
        }
    }
}
