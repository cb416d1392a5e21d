package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to build: the targets or groups to select (none: the bake file's default group), the registry and
 * repository prefix images go under ({@code reg.example.com/team}; empty keeps the bake file's tags), the tags
 * (none: derived from the revision), the platform (empty: the bake file's, else the agent's), the cache settings
 * and the environment that overrides bake variables.
 */
public record BuildRequest(List<String> targets, String registry, List<String> tags, SourceRevision revision,
        String platform, CacheSettings cache, Map<String, String> environment) implements Serializable {
    public BuildRequest {
        targets = List.copyOf(targets);
        registry = Objects.requireNonNullElse(registry, "");
        tags = List.copyOf(tags);
        Objects.requireNonNull(revision, "source revision");
        platform = Objects.requireNonNullElse(platform, "");
        Objects.requireNonNull(cache, "cache settings");
        environment = Map.copyOf(environment);
    }

    public BuildRequest withRevision(SourceRevision changed) {
        return new BuildRequest(targets, registry, tags, changed, platform, cache, environment);
    }
}
