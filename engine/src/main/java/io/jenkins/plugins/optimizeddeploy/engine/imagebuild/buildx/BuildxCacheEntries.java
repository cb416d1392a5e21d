package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A target's cache plan as buildx's {@code cache-from} and {@code cache-to} entries. */
final class BuildxCacheEntries {
    /** The tag buildx writes its {@code mode=max} cache manifest under. */
    static final String TAG = "buildx";
    private static final String LOCAL_EXPORT_SUFFIX = ".next";

    private BuildxCacheEntries() {
    }

    /** buildx {@code cache-from} entries: each registry source, then the local folder. */
    static List<String> cacheFrom(CachePlan plan) {
        return plan.readOrder().stream().map(source -> source.kind() == CacheSource.Kind.REGISTRY
                ? "type=registry,ref=" + source.reference(TAG)
                : "type=local,src=" + source.location()).toList();
    }

    /**
     * buildx {@code cache-to}: the primary, then the local folder if there is one, every stage ({@code mode=max}),
     * never failing the build. The local export goes to {@link #localExport}, which replaces the folder after the
     * bake: BuildKit adds to a local cache folder and never removes what it no longer needs.
     */
    static List<String> cacheTo(CachePlan plan) {
        List<String> exports = new ArrayList<>();
        exports.add("type=registry,ref=" + plan.primary().reference(TAG) + ",mode=max,ignore-error=true");
        localExport(plan).ifPresent(export -> exports.add("type=local,dest=" + export + ",mode=max,ignore-error=true"));
        return exports;
    }

    /** Where buildx writes this build's local cache, beside the folder it replaces once the bake is done. */
    static Optional<Path> localExport(CachePlan plan) {
        return plan.local().map(folder -> Path.of(folder.location() + LOCAL_EXPORT_SUFFIX));
    }
}
