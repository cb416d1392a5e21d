package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is being built: the commit, branch, build number and source URL (each may be empty when unknown) and the
 * build's time, for tags and OCI labels.
 */
public record SourceRevision(String commit, String branch, String buildNumber, String sourceUrl, Instant created)
        implements Serializable {
    public SourceRevision {
        commit = Objects.requireNonNullElse(commit, "");
        branch = Objects.requireNonNullElse(branch, "");
        buildNumber = Objects.requireNonNullElse(buildNumber, "");
        sourceUrl = Objects.requireNonNullElse(sourceUrl, "");
        Objects.requireNonNull(created, "build time");
    }

    /** Nothing known but the time. */
    public static SourceRevision unknown(Instant created) {
        return new SourceRevision("", "", "", "", created);
    }

    public SourceRevision withCreated(Instant time) {
        return new SourceRevision(commit, branch, buildNumber, sourceUrl, time);
    }

    public Optional<String> commitIfKnown() {
        return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
    }
}
