package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the in-toto statement BuildKit attaches as an image's provenance, SLSA provenance v0.2 (BuildKit's default) or
 * v1 ({@code --provenance=version=v1}, which the BuildKit of docker 26 ignores): builder, build type, frontend, build
 * arguments (its {@code build-arg:NAME} parameters), materials (v1's resolved dependencies), and the git source
 * BuildKit finds in a build context that is a checkout (its {@code vcs} metadata).
 */
final class ProvenanceStatement {
    /** The media type of an attestation layer holding an in-toto statement. */
    static final String IN_TOTO = "application/vnd.in-toto+json";
    static final String SLSA_V02 = "https://slsa.dev/provenance/v0.2";
    static final String SLSA_V1 = "https://slsa.dev/provenance/v1";
    /** The predicate types this reads, as an attestation layer's {@code in-toto.io/predicate-type} names them. */
    static final Set<String> PREDICATE_TYPES = Set.of(SLSA_V02, SLSA_V1);
    private static final String BUILD_ARG = "build-arg:";
    private static final String BUILDKIT_METADATA = "https://mobyproject.org/buildkit@v1#metadata";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProvenanceStatement() {
    }

    /**
     * @throws IOException when {@code content} is no in-toto statement of SLSA provenance v0.2 or v1
     */
    static Provenance parse(byte[] content) throws IOException {
        Statement statement = JSON.readValue(content, Statement.class);
        if (statement == null || !PREDICATE_TYPES.contains(statement.predicateType())
                || statement.predicate() == null || !statement.predicate().isObject()) {
            throw new IOException("it is no in-toto statement of " + SLSA_V02 + " or " + SLSA_V1
                    + " provenance (predicate type " + (statement == null ? "none" : statement.predicateType()) + ")");
        }
        if (SLSA_V1.equals(statement.predicateType())) {
            V1Predicate predicate = JSON.treeToValue(statement.predicate(), V1Predicate.class);
            BuildDefinition definition = Objects.requireNonNullElse(predicate.buildDefinition(),
                    new BuildDefinition(null, null, null));
            RunDetails run = Objects.requireNonNullElse(predicate.runDetails(), new RunDetails(null, null));
            Parameters request = definition.externalParameters() == null ? null
                    : definition.externalParameters().request();
            return provenance(run.builder(), definition.buildType(), request, definition.resolvedDependencies(),
                    run.metadata() == null ? null : run.metadata().buildkit());
        }
        Predicate predicate = JSON.treeToValue(statement.predicate(), Predicate.class);
        return provenance(predicate.builder(), predicate.buildType(),
                predicate.invocation() == null ? null : predicate.invocation().parameters(), predicate.materials(),
                predicate.metadata() == null ? null : predicate.metadata().buildkit());
    }

    private static Provenance provenance(Builder builder, String buildType, Parameters parameters,
            List<Material> materials, BuildkitMetadata buildkit) {
        Map<String, String> buildArgs = new LinkedHashMap<>();
        if (parameters != null && parameters.args() != null) {
            parameters.args().forEach((name, value) -> {
                if (name.startsWith(BUILD_ARG)) {
                    buildArgs.put(name.substring(BUILD_ARG.length()), value);
                }
            });
        }
        Vcs vcs = buildkit == null || buildkit.vcs() == null ? new Vcs(null, null) : buildkit.vcs();
        return new Provenance("", builder == null ? "" : builder.id(), buildType,
                parameters == null ? "" : parameters.frontend(), new Provenance.Source(vcs.source(), vcs.revision()),
                buildArgs, materials == null ? List.of() : materials.stream().map(Material::describe).toList());
    }

    private record Statement(String predicateType, JsonNode predicate) {
    }

    /** SLSA provenance v0.2 as BuildKit writes it. */
    private record Predicate(Builder builder, String buildType, Invocation invocation, List<Material> materials,
            Metadata metadata) {
    }

    /** SLSA provenance v1 as BuildKit writes it: the request is the v0.2 invocation's parameters. */
    private record V1Predicate(BuildDefinition buildDefinition, RunDetails runDetails) {
    }

    private record BuildDefinition(String buildType, ExternalParameters externalParameters,
            List<Material> resolvedDependencies) {
    }

    private record ExternalParameters(Parameters request) {
    }

    private record RunDetails(Builder builder, RunMetadata metadata) {
    }

    private record RunMetadata(@JsonProperty("buildkit_metadata") BuildkitMetadata buildkit) {
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
