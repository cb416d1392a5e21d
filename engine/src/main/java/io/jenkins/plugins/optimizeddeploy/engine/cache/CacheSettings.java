package io.jenkins.plugins.optimizeddeploy.engine.cache;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How builds are cached: the registry repository under which each target gets its caches
 * ({@code REPOSITORY/TARGET/BRANCH}), the branch being built, the default branch, the fallbacks to read after
 * the primary cache, and an optional local cache folder.
 */
public record CacheSettings(String repository, String branch, String defaultBranch, List<CacheFallback> fallbacks,
        String localDirectory) implements Serializable {
    /** The fallbacks of the default: the branch, then the default branch, then the local folder. */
    public static final List<CacheFallback> DEFAULT_FALLBACKS =
            List.of(CacheFallback.BRANCH, CacheFallback.DEFAULT_BRANCH, CacheFallback.LOCAL);

    public CacheSettings {
        Objects.requireNonNull(repository, "cache repository");
        ImageReference.registryOf(repository);
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(defaultBranch, "default branch");
        fallbacks = List.copyOf(fallbacks);
    }

    /** The defaults: every fallback, no local folder. */
    public static CacheSettings of(String repository, String branch, String defaultBranch) {
        return new CacheSettings(repository, branch, defaultBranch, DEFAULT_FALLBACKS, null);
    }

    public CacheSettings withLocalDirectory(Path directory) {
        return new CacheSettings(repository, branch, defaultBranch, fallbacks, directory.toString());
    }

    public CacheSettings withFallbacks(List<CacheFallback> chosen) {
        return new CacheSettings(repository, branch, defaultBranch, chosen, localDirectory);
    }

    public Optional<Path> local() {
        return Optional.ofNullable(localDirectory).map(Path::of);
    }
}
