package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheFallback;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code cache: [primary: 'registry', fallback: ['branch', 'default-branch', 'local'], repository: '...']}
 * argument of {@code bakeImages}: each target's own registry cache of the branch first, then the fallbacks in
 * order. Pipeline turns the map into this object by its property names.
 */
public class BakeCache implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String REGISTRY_PRIMARY = "registry";

    private String primary = REGISTRY_PRIMARY;
    private List<String> fallback = CacheSettings.DEFAULT_FALLBACKS.stream().map(CacheFallback::id).toList();
    private String repository;

    @DataBoundConstructor
    public BakeCache() {
        // the defaults: the registry cache, then the branch, the default branch and the local folder
    }

    /** Where each target's primary cache is: {@code registry} (the only kind so far). */
    public String getPrimary() {
        return primary;
    }

    @DataBoundSetter
    public void setPrimary(String primary) {
        this.primary = primary == null || primary.isBlank() ? REGISTRY_PRIMARY : primary.trim();
    }

    /** The caches read after the primary one, in order: {@code branch}, {@code default-branch}, {@code local}. */
    public List<String> getFallback() {
        return new ArrayList<>(fallback);
    }

    @DataBoundSetter
    public void setFallback(List<String> fallback) {
        this.fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    /** The repository the caches go under ({@code REPOSITORY/TARGET/BRANCH}); unset: {@code REGISTRY/cache}. */
    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = repository == null || repository.isBlank() ? null : repository.trim();
    }

    /**
     * The engine's cache settings for a build of {@code branch} pushing under {@code registry}.
     *
     * @throws IllegalArgumentException naming the value when the primary, a fallback or the repository is not valid
     */
    CacheSettings settings(String registry, String branch, String defaultBranch) {
        if (!REGISTRY_PRIMARY.equals(primary.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("cache primary '" + primary + "' is not known (known: "
                    + REGISTRY_PRIMARY + ")");
        }
        List<CacheFallback> fallbacks = fallback.stream().map(CacheFallback::parse).toList();
        return new CacheSettings(repository != null ? repository : registry + "/cache", branch, defaultBranch,
                fallbacks, null);
    }

    @Override
    public String toString() {
        return "BakeCache[primary=" + primary + ", fallback=" + fallback + ", repository=" + repository + "]";
    }
}
