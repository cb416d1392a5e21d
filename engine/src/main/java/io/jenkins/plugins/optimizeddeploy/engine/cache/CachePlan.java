package io.jenkins.plugins.optimizeddeploy.engine.cache;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.Serializable;
import java.nio.file.Path;
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
    private static final String BUILDX_EXPORT_SUFFIX = ".next";
    /** The tag buildx writes its {@code mode=max} cache manifest under. */
    public static final String BUILDX_TAG = "buildx";

    /** buildx {@code cache-from} entries: each registry source, then the local folder. */
    public List<String> buildxCacheFrom() {
        return readOrder().stream().map(source -> source.kind() == CacheSource.Kind.REGISTRY
                ? "type=registry,ref=" + source.reference(BUILDX_TAG)
                : "type=local,src=" + source.location()).toList();
    }

    /**
     * buildx {@code cache-to}: the primary, then the local folder if there is one, every stage ({@code mode=max}),
     * never failing the build. The local export goes to {@link #buildxLocalExport}, which replaces the folder after
     * the bake: BuildKit adds to a local cache folder and never removes what it no longer needs.
     */
    public List<String> buildxCacheTo() {
        List<String> exports = new ArrayList<>();
        exports.add("type=registry,ref=" + primary.reference(BUILDX_TAG) + ",mode=max,ignore-error=true");
        buildxLocalExport().ifPresent(export -> exports.add("type=local,dest=" + export + ",mode=max,ignore-error=true"));
        return exports;
    }

    /** Where buildx writes this build's local cache, beside the folder it replaces once the bake is done. */
    public Optional<Path> buildxLocalExport() {
        return local().map(folder -> Path.of(folder.location() + BUILDX_EXPORT_SUFFIX));
    }

    /** docker {@code --cache-from} references of one registry {@code source}: its final image and each stage's image. */
    public static List<String> dockerCacheFrom(CacheSource source, List<String> stages) {
        List<String> references = new ArrayList<>();
        references.add(source.reference(FINAL_TAG));
        stages.forEach(stage -> references.add(source.reference(stageTag(stage))));
        return references;
    }

    /** Where docker pushes the image of an intermediate {@code stage} (with inline cache) for later builds. */
    public String dockerStageReference(String stage) {
        return primary.reference(stageTag(stage));
    }

    /** Where the final image (with inline cache) is pushed as cache; buildah pushes it there too as the marker. */
    public String finalReference() {
        return primary.reference(FINAL_TAG);
    }

    private static String stageTag(String stage) {
        return "stage-" + pathComponent(stage, "stage");
    }

    /**
     * A branch or target name as one repository path component: lower case, runs of anything but letters, digits,
     * dots and underscores become one dash ({@code feature/Login} is {@code feature-login}).
     */
    static String pathComponent(String name, String what) {
        String component = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]+", "-")
                .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "").replaceAll("[._]{2,}", "-");
        if (component.isEmpty()) {
            throw new BadInputException("The " + what + " '" + name
                    + "' has no letter or digit to name a cache repository with");
        }
        return component;
    }
}
