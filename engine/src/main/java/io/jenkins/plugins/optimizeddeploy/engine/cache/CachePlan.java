package io.jenkins.plugins.optimizeddeploy.engine.cache;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The caches of one target: a primary registry cache of its own ({@code REPOSITORY/TARGET/BRANCH}, so targets and
 * branches never overwrite each other) that is read first and written on every build, then the fallbacks read
 * in order. A cache source that does not exist yet never fails a build; a failed export is reported by the
 * backend and does not fail it either.
 */
public record CachePlan(String target, CacheSource primary, List<CacheSource> fallbacks) implements Serializable {
    public CachePlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(primary, "primary cache of " + target);
        fallbacks = List.copyOf(fallbacks);
    }

    /** The plan for {@code target} under {@code settings}. */
    public static CachePlan forTarget(String target, CacheSettings settings) {
        String targetRepository = settings.repository() + "/" + pathComponent(target, "target");
        CacheSource primary = new CacheSource(CacheSource.Kind.REGISTRY,
                targetRepository + "/" + pathComponent(settings.branch(), "branch"), CacheFallback.BRANCH);
        List<CacheSource> fallbacks = new ArrayList<>();
        for (CacheFallback fallback : settings.fallbacks()) {
            switch (fallback) {
                case BRANCH -> { }
                case DEFAULT_BRANCH -> {
                    String defaultBranch = targetRepository + "/" + pathComponent(settings.defaultBranch(), "default branch");
                    if (!defaultBranch.equals(primary.location())) {
                        fallbacks.add(new CacheSource(CacheSource.Kind.REGISTRY, defaultBranch, fallback));
                    }
                }
                case LOCAL -> settings.local().ifPresent(directory -> fallbacks.add(new CacheSource(
                        CacheSource.Kind.LOCAL, directory.resolve(target).toString(), fallback)));
            }
        }
        ImageReference.parse(primary.reference("final"));
        return new CachePlan(target, primary, fallbacks);
    }

    /** Primary first, then the fallbacks: the order caches are read in. */
    public List<CacheSource> readOrder() {
        return Stream.concat(Stream.of(primary), fallbacks.stream()).toList();
    }

    /** The cache folder on the agent, when the plan has one: read last, written on every build. */
    public Optional<CacheSource> local() {
        return fallbacks.stream().filter(source -> source.kind() == CacheSource.Kind.LOCAL).findFirst();
    }

    /** The registry sources in read order. */
    public List<CacheSource> registrySources() {
        return readOrder().stream().filter(source -> source.kind() == CacheSource.Kind.REGISTRY).toList();
    }

    /** The tag of the final stage's image (inline cache) in a registry cache repository; also its "exists" marker. */
    public static final String FINAL_TAG = "final";

    /** Where the final image (with inline cache) is pushed as cache; buildah pushes it there too as the marker. */
    public String finalReference() {
        return primary.reference(FINAL_TAG);
    }

    /**
     * A branch or target name as one repository path component: lower case, runs of anything but letters, digits,
     * dots and underscores become one dash ({@code feature/Login} is {@code feature-login}).
     */
    public static String pathComponent(String name, String what) {
        String component = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]+", "-")
                .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "").replaceAll("[._]{2,}", "-");
        if (component.isEmpty()) {
            throw new BadInputException("The " + what + " '" + name
                    + "' has no letter or digit to name a cache repository with");
        }
        return component;
    }
}
