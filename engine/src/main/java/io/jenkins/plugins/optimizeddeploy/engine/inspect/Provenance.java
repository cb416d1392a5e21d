package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Secrets;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What BuildKit's provenance attestation of an image says about how it was built, or why there is none.
 *
 * @param missing          empty when the image carries provenance, else why it has none
 *                         ({@code backend buildah does not attach it})
 * @param builderId        the builder's id; BuildKit's {@code docker} driver leaves it empty
 * @param buildType        {@code https://mobyproject.org/buildkit@v1}
 * @param frontend         {@code dockerfile.v0}
 * @param source           the git checkout the build context was, {@link Source#NONE} when it was none
 * @param buildArgs        by name, sorted; values of secret-named or secret-shaped arguments are
 *                         {@value Secrets#REDACTED}. Only provenance {@code mode=max} records them
 * @param materials        the images and sources the build read, each {@code uri@digest}
 */
public record Provenance(String missing, String builderId, String buildType, String frontend,
        Source source, Map<String, String> buildArgs, List<String> materials) implements Serializable {
    public Provenance {
        Map<String, String> redacted = new TreeMap<>();
        (buildArgs == null ? Map.<String, String>of() : buildArgs).forEach((name, value) -> redacted.put(name,
                Secrets.isSecretName(name) || Secrets.looksSecret(value) ? Secrets.REDACTED : value));
        buildArgs = Collections.unmodifiableMap(redacted);
        materials = materials == null ? List.of() : List.copyOf(materials);
        source = Objects.requireNonNullElse(source, Source.NONE);
        missing = Objects.requireNonNullElse(missing, "");
        builderId = Objects.requireNonNullElse(builderId, "");
        buildType = Objects.requireNonNullElse(buildType, "");
        frontend = Objects.requireNonNullElse(frontend, "");
    }

    /** No provenance, and why ({@code backend buildah does not attach it}). */
    public static Provenance missing(String why) {
        return new Provenance(why, "", "", "", Source.NONE, Map.of(), List.of());
    }

    public boolean attached() {
        return missing.isEmpty();
    }

    /**
     * One line: {@code builder (unnamed) https://mobyproject.org/buildkit@v1 dockerfile.v0, source URL@COMMIT,
     * args A=1 B=2}, or {@code no provenance (why)}.
     */
    public String summary() {
        if (!attached()) {
            return "no provenance (" + missing + ")";
        }
        String args = buildArgs.isEmpty() ? "no build args recorded" : "args " + buildArgs.entrySet().stream()
                .map(arg -> arg.getKey() + "=" + arg.getValue()).collect(Collectors.joining(" "));
        return "builder " + (builderId.isEmpty() ? "(unnamed)" : builderId) + " " + buildType
                + (frontend.isEmpty() ? "" : " " + frontend) + ", source " + source.describe() + ", " + args;
    }

    /**
     * The git checkout a build context was, as BuildKit's {@code vcs} metadata records it.
     *
     * @param repository its remote ({@code origin}'s URL), empty when it has none
     * @param commit     the commit checked out, empty when BuildKit recorded none
     */
    public record Source(String repository, String commit) implements Serializable {
        public static final Source NONE = new Source("", "");

        public Source {
            repository = Objects.requireNonNullElse(repository, "");
            commit = Objects.requireNonNullElse(commit, "");
        }

        /** {@code REMOTE@COMMIT}, or that none was recorded. */
        public String describe() {
            if (commit.isEmpty()) {
                return "not recorded (the build context was no git checkout)";
            }
            return (repository.isEmpty() ? "(no remote)" : repository) + "@" + commit;
        }
    }
}
