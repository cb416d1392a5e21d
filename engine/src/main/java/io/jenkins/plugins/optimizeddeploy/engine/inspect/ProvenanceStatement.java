package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the in-toto statement BuildKit attaches as an image's provenance (SLSA provenance v0.2, the only version the
 * BuildKit of docker 26 and buildx 0.29 write): builder, build type, frontend, build arguments (its
 * {@code build-arg:NAME} parameters), materials, and the git source BuildKit finds in a build context that is a
 * checkout (its {@code vcs} metadata).
 */
final class ProvenanceStatement {
    /** The media type of an attestation layer holding an in-toto statement. */
    static final String IN_TOTO = "application/vnd.in-toto+json";
    static final String SLSA_V02 = "https://slsa.dev/provenance/v0.2";
    private static final String BUILD_ARG = "build-arg:";
    private static final String BUILDKIT_METADATA = "https://mobyproject.org/buildkit@v1#metadata";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProvenanceStatement() {
    }

    /**
     * @throws IOException when {@code content} is no in-toto statement of SLSA provenance v0.2
     */
    static Provenance parse(byte[] content) throws IOException {
        Statement statement = JSON.readValue(content, Statement.class);
        if (statement == null || !SLSA_V02.equals(statement.predicateType()) || statement.predicate() == null) {
            throw new IOException("it is no in-toto statement of " + SLSA_V02 + " provenance (predicate type "
                    + (statement == null ? "none" : statement.predicateType()) + ")");
        }
        Predicate predicate = statement.predicate();
        Parameters parameters = predicate.invocation() == null || predicate.invocation().parameters() == null
                ? new Parameters(null, null) : predicate.invocation().parameters();
        Map<String, String> buildArgs = new LinkedHashMap<>();
        if (parameters.args() != null) {
            parameters.args().forEach((name, value) -> {
                if (name.startsWith(BUILD_ARG)) {
                    buildArgs.put(name.substring(BUILD_ARG.length()), value);
                }
            });
        }
        Vcs vcs = predicate.metadata() == null || predicate.metadata().buildkit() == null
                || predicate.metadata().buildkit().vcs() == null ? new Vcs(null, null)
                : predicate.metadata().buildkit().vcs();
        List<String> materials = predicate.materials() == null ? List.of() : predicate.materials().stream()
                .map(Material::describe).toList();
        return new Provenance("", predicate.builder() == null ? "" : predicate.builder().id(), predicate.buildType(),
                parameters.frontend(), new Provenance.Source(vcs.source(), vcs.revision()), buildArgs, materials);
    }

    private record Statement(String predicateType, Predicate predicate) {
    }

    private record Predicate(Builder builder, String buildType, Invocation invocation, List<Material> materials,
            Metadata metadata) {
    }

    private record Builder(String id) {
    }

    private record Invocation(Parameters parameters) {
    }

    private record Parameters(String frontend, Map<String, String> args) {
    }

    private record Material(String uri, Map<String, String> digest) {
        /** {@code uri@sha256:...}, the uri alone when no digest is recorded. */
        String describe() {
            String name = Objects.requireNonNullElse(uri, "");
            return digest == null || digest.isEmpty() ? name : digest.entrySet().stream().findFirst()
                    .map(entry -> name + "@" + entry.getKey() + ":" + entry.getValue()).orElse(name);
        }
    }

    private record Metadata(@JsonProperty(BUILDKIT_METADATA) BuildkitMetadata buildkit) {
    }

    private record BuildkitMetadata(Vcs vcs) {
    }

    private record Vcs(String source, String revision) {
    }
}
