package io.jenkins.plugins.optimizeddeploy.engine.cache;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where cache is read from or written to: a registry repository ({@code 127.0.0.1:5000/team/cache/web/main},
 * backends add their own tags) or a folder on the agent. {@code role} says why it is in the plan.
 */
public record CacheSource(Kind kind, String location, CacheFallback role) implements Serializable {
    public enum Kind {
        REGISTRY,
        LOCAL
    }

    public CacheSource {
        Objects.requireNonNull(kind, "cache source kind");
        Objects.requireNonNull(location, "cache source location");
        Objects.requireNonNull(role, "cache source role");
    }

    /** The repository with {@code tag}, e.g. {@code .../cache/web/main:final}; only for registry sources. */
    public String reference(String tag) {
        if (kind != Kind.REGISTRY) {
            throw new IllegalStateException("The local cache folder " + location + " has no image reference");
        }
        return location + ":" + tag;
    }

    @Override
    public String toString() {
        return role.id() + " " + location;
    }
}
