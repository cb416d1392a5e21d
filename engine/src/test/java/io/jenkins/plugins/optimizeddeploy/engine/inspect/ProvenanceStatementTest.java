package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statements recorded from {@code docker buildx bake --push --provenance=mode=max} (and {@code mode=min}) of buildx
 * 0.29.1 on dockerd 26.1.5 with the containerd store, building a git checkout whose remote is
 * {@code https://example.invalid/team/app.git} with the build args {@code BASE} and {@code GREETING}; and SLSA v1
 * statements recorded from {@code docker buildx build --push --provenance=mode=max,version=v1} (and {@code mode=min})
 * of buildx 0.29.1 on dockerd 28.5.2 (Debian's docker.io, containerd store; the BuildKit inside dockerd 26 writes
 * v0.2 whatever the version asked for), building a checkout of {@code https://git.example.invalid/shop/tiny-app.git}.
 */
class ProvenanceStatementTest {
    private static final String COMMIT = "6767aa8aaf6141ee8a0511cfca84199ff69d8ea2";
    private static final String V1_COMMIT = "edee4f7f5a73c8b3987802b910ffa22a38fd0313";
    private static final String V1_BUILD_TYPE =
            "https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md";

    @Test
    void shouldReadBuilderSourceCommitArgsAndBaseImageOfModeMax() throws IOException {
        Provenance provenance = ProvenanceStatement.parse(recorded("buildx-bake-mode-max.intoto.json"));

        assertThat(provenance.attached()).isTrue();
        assertThat(provenance.builderId()).as("the docker driver names no builder").isEmpty();
        assertThat(provenance.buildType()).isEqualTo("https://mobyproject.org/buildkit@v1");
        assertThat(provenance.frontend()).isEqualTo("dockerfile.v0");
        assertThat(provenance.source())
                .isEqualTo(new Provenance.Source("https://example.invalid/team/app.git", COMMIT));
        assertThat(provenance.buildArgs())
                .isEqualTo(Map.of("BASE", "127.0.0.1:5557/base:1", "GREETING", "hello-provenance"));
        assertThat(provenance.materials()).containsExactly("pkg:docker/127.0.0.1%3A5557/base@1?platform=linux%2Famd64"
                + "@sha256:d56be0deb0e9570f109bd669c3becaab00746574226e59b81b84c298038cc646");
        assertThat(provenance.summary()).isEqualTo("builder (unnamed) https://mobyproject.org/buildkit@v1"
                + " dockerfile.v0, source https://example.invalid/team/app.git@" + COMMIT
                + ", args BASE=127.0.0.1:5557/base:1 GREETING=hello-provenance");
    }

    @ParameterizedTest
    @CsvSource({"buildx-bake-mode-min.intoto.json, " + COMMIT, "buildx-build-mode-min-v1.intoto.json, " + V1_COMMIT})
    void shouldReadTheSourceButNoBuildArgsOfModeMin(String statement, String commit) throws IOException {
        Provenance provenance = ProvenanceStatement.parse(recorded(statement));

        assertThat(provenance.source().commit()).isEqualTo(commit);
        assertThat(provenance.frontend()).isEqualTo("dockerfile.v0");
        assertThat(provenance.buildArgs()).as("mode=min leaves build args out").isEmpty();
        assertThat(provenance.materials()).hasSize(1);
    }

    @Test
    void shouldReadBuilderSourceCommitArgsAndBaseImageOfSlsaV1ModeMax() throws IOException {
        Provenance provenance = ProvenanceStatement.parse(recorded("buildx-build-mode-max-v1.intoto.json"));

        assertThat(provenance.attached()).isTrue();
        assertThat(provenance.builderId()).as("runDetails.builder.id: the docker driver names no builder").isEmpty();
        assertThat(provenance.buildType()).isEqualTo(V1_BUILD_TYPE);
        assertThat(provenance.frontend()).isEqualTo("dockerfile.v0");
        assertThat(provenance.source())
                .isEqualTo(new Provenance.Source("https://git.example.invalid/shop/tiny-app.git", V1_COMMIT));
        assertThat(provenance.buildArgs())
                .isEqualTo(Map.of("BASE", "127.0.0.1:5591/base/busybox:1", "GREETING", "hello-slsa-v1"));
        assertThat(provenance.materials()).as("buildDefinition.resolvedDependencies")
                .containsExactly("pkg:docker/127.0.0.1:5591/base/busybox@1?platform=linux%2Famd64"
                        + "@sha256:15e6eb5ea8d76e80476ef6b52aa3b20b39c6da216a40902ea4f4fea3f907ebd1");
        assertThat(provenance.summary()).isEqualTo("builder (unnamed) " + V1_BUILD_TYPE + " dockerfile.v0, source"
                + " https://git.example.invalid/shop/tiny-app.git@" + V1_COMMIT
                + ", args BASE=127.0.0.1:5591/base/busybox:1 GREETING=hello-slsa-v1");
    }

    @Test
    void shouldRedactBuildArgsNamedOrShapedLikeSecretsInSlsaV1() throws IOException {
        String statement = new String(recorded("buildx-build-mode-max-v1.intoto.json"), StandardCharsets.UTF_8)
                .replace("\"build-arg:GREETING\":\"hello-slsa-v1\"", "\"build-arg:NPM_TOKEN\":\"t0p-s3cret\"");

        Provenance provenance = ProvenanceStatement.parse(statement.getBytes(StandardCharsets.UTF_8));

        assertThat(provenance.buildArgs()).containsEntry("NPM_TOKEN", "<redacted>");
        assertThat(provenance.summary()).doesNotContain("t0p-s3cret");
    }

    @Test
    void shouldRedactBuildArgsNamedOrShapedLikeSecrets() throws IOException {
        String statement = new String(recorded("buildx-bake-mode-max.intoto.json"), StandardCharsets.UTF_8)
                .replace("\"build-arg:GREETING\":\"hello-provenance\"",
                        "\"build-arg:NPM_TOKEN\":\"t0p-s3cret\",\"build-arg:GREETING\":\"ghp_"
                                + "abcdefghijklmnopqrstuvwxyz0123456789AB\"");

        Provenance provenance = ProvenanceStatement.parse(statement.getBytes(StandardCharsets.UTF_8));

        assertThat(provenance.buildArgs()).containsEntry("NPM_TOKEN", "<redacted>")
                .containsEntry("GREETING", "<redacted>");
        assertThat(provenance.summary()).doesNotContain("t0p-s3cret", "ghp_");
    }

    @Test
    void shouldRefuseAStatementOfAnotherPredicate() {
        byte[] sbom = "{\"predicateType\":\"https://spdx.dev/Document\",\"predicate\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ProvenanceStatement.parse(sbom)).isInstanceOf(IOException.class)
                .hasMessageContaining("https://spdx.dev/Document");
    }

    @Test
    void shouldSayWhatAProvenanceDidNotRecord() {
        Provenance bare = new Provenance("", "", "https://mobyproject.org/buildkit@v1", "", Provenance.Source.NONE,
                Map.of(), List.of());

        assertThat(bare.summary()).isEqualTo("builder (unnamed) https://mobyproject.org/buildkit@v1, source not"
                + " recorded (the build context was no git checkout), no build args recorded");
    }

    @Test
    void shouldSayWhyAnImageHasNoProvenance() {
        assertThat(Provenance.missing("backend buildah does not attach it").summary())
                .isEqualTo("no provenance (backend buildah does not attach it)");
    }

    private static byte[] recorded(String name) throws IOException {
        try (InputStream in = ProvenanceStatementTest.class.getResourceAsStream("/provenance/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
