package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one run (a build of a job) cost, as one versioned document that every phase adds its part to
 * ({@link #mergedWith}); read and written by {@link MetricsJson}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param job           the job's name, empty when not known
 * @param build         the build's display name ({@code #42}), empty when not known
 * @param started       when the build started (ISO-8601 instant), empty when not known
 * @param failed        whether a phase of the build failed
 * @param images        by target or service name
 * @param phaseMillis   wall time per phase
 * @param cache         by build target
 * @param findings      Dockerfile and image findings, in the order found
 * @param deploys       deploys and rollbacks, in the order they happened
 */
public record RunMetrics(int schemaVersion, String job, String build, String started, boolean failed,
        Map<String, ImageMetrics> images, Map<Phase, Long> phaseMillis, Map<String, TargetCache> cache,
        List<RecordedFinding> findings, List<Deployment> deploys) {
    /** The version of the document this code writes; a reader refuses newer ones. */
    public static final int SCHEMA_VERSION = 1;

    public RunMetrics {
        job = Objects.requireNonNullElse(job, "");
        build = Objects.requireNonNullElse(build, "");
        started = Objects.requireNonNullElse(started, "");
        if (!started.isEmpty()) {
            try {
                Instant.parse(started);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Start time '" + started + "' of build " + build
                        + " is not an ISO-8601 instant such as 2026-12-07T09:15:00Z", e);
            }
        }
        images = Collections.unmodifiableMap(new TreeMap<>(images == null ? Map.of() : images));
        EnumMap<Phase, Long> phases = new EnumMap<>(Phase.class);
        if (phaseMillis != null) {
            phases.putAll(phaseMillis);
        }
        phases.forEach((phase, millis) -> {
            if (millis < 0) {
                throw new IllegalArgumentException("Wall time of phase " + phase.label() + " must not be negative, was "
                        + millis + " ms");
            }
        });
        phaseMillis = Collections.unmodifiableMap(phases);
        cache = Collections.unmodifiableMap(new TreeMap<>(cache == null ? Map.of() : cache));
        findings = findings == null ? List.of() : List.copyOf(findings);
        deploys = deploys == null ? List.of() : List.copyOf(deploys);
    }

    /** A run with nothing recorded yet. */
    public static RunMetrics of(String job, String build, Instant started) {
        return builder(job, build, started.toString()).build();
    }

    /**
     * A document of the current schema for a run; what it recorded is named on the builder.
     *
     * @param job     the job's name, empty when not known (as a phase's part is)
     * @param build   the build's display name, empty when not known
     * @param started an ISO-8601 instant, empty when not known
     */
    public static Builder builder(String job, String build, String started) {
        return new Builder(job, build, started);
    }

    /** A phase's part: what it recorded and nothing about the run itself. */
    static Builder part() {
        return builder("", "", "");
    }

    /**
     * This run with a later part added: the part's job, build and start time when it has them; a run failed when
     * either says so; images merged field by field (the part's known values win); a phase's time added to what was
     * recorded (a phase run twice took both times); a target's cache replaced; findings and deploys appended.
     */
    public RunMetrics mergedWith(RunMetrics part) {
        Map<String, ImageMetrics> mergedImages = new TreeMap<>(images);
        part.images.forEach((name, image) -> mergedImages.merge(name, image, ImageMetrics::mergedWith));
        Map<Phase, Long> mergedPhases = new EnumMap<>(Phase.class);
        mergedPhases.putAll(phaseMillis);
        part.phaseMillis.forEach((phase, millis) -> mergedPhases.merge(phase, millis, Long::sum));
        Map<String, TargetCache> mergedCache = new TreeMap<>(cache);
        mergedCache.putAll(part.cache);
        List<RecordedFinding> mergedFindings = new ArrayList<>(findings);
        mergedFindings.addAll(part.findings);
        List<Deployment> mergedDeploys = new ArrayList<>(deploys);
        mergedDeploys.addAll(part.deploys);
        return builder(part.job.isEmpty() ? job : part.job, part.build.isEmpty() ? build : part.build,
                part.started.isEmpty() ? started : part.started).failed(failed || part.failed).images(mergedImages)
                .phaseMillis(mergedPhases).cache(mergedCache).findings(mergedFindings).deploys(mergedDeploys).build();
    }

    /** The wall time of every phase recorded, summed. */
    public long totalMillis() {
        return phaseMillis.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The compressed sizes of every image, summed. */
    public long totalSize() {
        return images.values().stream().mapToLong(ImageMetrics::compressedBytes).sum();
    }

    /** Steps cached over steps total of every target, 0 to 1; 0 when no target was built. */
    public double cacheHitRate() {
        int total = cache.values().stream().mapToInt(TargetCache::stepsTotal).sum();
        int cached = cache.values().stream().mapToInt(TargetCache::stepsCached).sum();
        return total == 0 ? 0 : (double) cached / total;
    }

    /** How many findings there are of each severity, every severity present (0 when none). */
    public Map<Severity, Integer> findingCounts() {
        return Severity.counts(findings.stream().map(RecordedFinding::severity));
    }

    /**
     * The image by digest each service went live with, when this run released every service it deployed healthy and
     * put none back: what rolling back to this run deploys again. Empty when it deployed nothing, or a deploy was
     * unhealthy, rolled back or has no image.
     */
    public Map<String, ImageReference> releasedImages() {
        if (deploys.isEmpty() || deploys.stream()
                .anyMatch(deploy -> deploy.rollback() || !deploy.healthy() || deploy.to() == null)) {
            return Map.of();
        }
        Map<String, ImageReference> images = new TreeMap<>();
        deploys.forEach(deploy -> images.put(deploy.service(), deploy.to()));
        return Collections.unmodifiableMap(images);
    }

    /**
     * The images by digest this run released for {@code services}, in their order: what a rollback to this run
     * deploys again.
     *
     * @param run how the user named this run, e.g. {@code build #12} or {@code the record build-12.json}
     * @throws BadInputException naming the run and the first service it released no image of
     */
    public Map<String, ImageReference> releasedImages(String run, List<String> services) {
        Map<String, ImageReference> released = releasedImages();
        if (released.isEmpty()) {
            throw new BadInputException(run + " has no record of a healthy deploy");
        }
        Map<String, ImageReference> images = new LinkedHashMap<>();
        for (String service : services) {
            ImageReference image = released.get(service);
            if (image == null) {
                throw new BadInputException(run + " recorded no healthy deploy of " + service + "; it deployed "
                        + String.join(", ", released.keySet()));
            }
            images.put(service, image);
        }
        return images;
    }

    /** Whether a deploy of this run was rolled back. */
    public boolean rolledBack() {
        return deploys.stream().anyMatch(Deployment::rollback);
    }

    /** Names each part of a run as it is set: unset maps and lists are empty, unset {@code failed} false. */
    public static final class Builder {
        private final String job;
        private final String build;
        private final String started;
        private boolean failed;
        private Map<String, ImageMetrics> images = Map.of();
        private Map<Phase, Long> phaseMillis = Map.of();
        private Map<String, TargetCache> cache = Map.of();
        private List<RecordedFinding> findings = List.of();
        private List<Deployment> deploys = List.of();

        private Builder(String job, String build, String started) {
            this.job = job;
            this.build = build;
            this.started = started;
        }

        public Builder failed(boolean failed) {
            this.failed = failed;
            return this;
        }

        /** @param images by target or service name */
        public Builder images(Map<String, ImageMetrics> images) {
            this.images = images;
            return this;
        }

        public Builder phaseMillis(Map<Phase, Long> phaseMillis) {
            this.phaseMillis = phaseMillis;
            return this;
        }

        /** @param cache by build target */
        public Builder cache(Map<String, TargetCache> cache) {
            this.cache = cache;
            return this;
        }

        public Builder findings(List<RecordedFinding> findings) {
            this.findings = findings;
            return this;
        }

        public Builder deploys(List<Deployment> deploys) {
            this.deploys = deploys;
            return this;
        }

        public RunMetrics build() {
            return new RunMetrics(SCHEMA_VERSION, job, build, started, failed, images, phaseMillis, cache, findings,
                    deploys);
        }
    }
}
