package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheFallback;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.forms.CacheRepositoryField;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code cache: [primary: 'registry', fallback: ['branch', 'default-branch', 'local'], repository: '...',
 * directory: '...']} argument of {@code bakeImages}: each target's own registry cache of the branch first, then the
 * fallbacks in order. Pipeline turns the map into this object by its property names; it is {@link Describable} so
 * that the snippet generator shows its fields with their help (its {@code config.jelly}).
 */
public class BakeCache implements Describable<BakeCache>, Serializable {

    private static final long serialVersionUID = 1L;
    static final String REGISTRY_PRIMARY = "registry";
    /** The local cache folder when none is given: beside the workspace, as Jenkins keeps {@code WORKSPACE@tmp}. */
    static final String DEFAULT_DIRECTORY_SUFFIX = "@optimized-deploy-cache";

    private String primary = REGISTRY_PRIMARY;
    private List<String> fallback = CacheSettings.DEFAULT_FALLBACKS.stream().map(CacheFallback::id)
            .collect(Collectors.toCollection(ArrayList::new));
    private String repository;
    private String directory;

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
        this.fallback = NameList.parse(fallback);
    }

    /** The fallbacks as the form shows them. */
    public String getFallbackText() {
        return NameList.text(fallback);
    }

    /**
     * The repository the caches go under ({@code REPOSITORY/TARGET/BRANCH}); unset: the default under Manage Jenkins,
     * else {@code REGISTRY/cache}.
     */
    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = OptionalText.of(repository);
    }

    /**
     * The local cache folder on the agent, absolute or relative to the workspace; unset: {@code WORKSPACE}
     * {@value #DEFAULT_DIRECTORY_SUFFIX} beside the workspace.
     */
    public String getDirectory() {
        return directory;
    }

    @DataBoundSetter
    public void setDirectory(String directory) {
        this.directory = OptionalText.of(directory);
    }

    /**
     * The engine's cache settings for a build of {@code branch} pushing under {@code registry}, with the local folder
     * as given (relative, or unset for the default): it is resolved on the agent, where the workspace is.
     *
     * @param defaultRepository the cache repository under Manage Jenkins, for when none is given; may be null
     * @throws BadInputException naming the value when the primary, a fallback or the repository is not valid
     */
    CacheSettings settings(String registry, String branch, String defaultBranch, String defaultRepository) {
        if (!REGISTRY_PRIMARY.equals(primary.toLowerCase(Locale.ROOT))) {
            throw new BadInputException("cache primary '" + primary + "' is not known (known: "
                    + REGISTRY_PRIMARY + ")");
        }
        List<CacheFallback> fallbacks = fallback.stream().map(CacheFallback::parse).toList();
        String cacheRepository = StepDefaults.orDefault(repository, defaultRepository);
        return new CacheSettings(cacheRepository != null ? cacheRepository : registry + "/cache", branch, defaultBranch,
                fallbacks, directory);
    }

    @Override
    public String toString() {
        return "BakeCache[primary=" + primary + ", fallback=" + fallback + ", repository=" + repository
                + ", directory=" + directory + "]";
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends Descriptor<BakeCache> implements CacheRepositoryField {
        @Override
        public String getDisplayName() {
            return "Build cache";
        }
    }
}
