package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Statements recorded from {@code docker buildx bake --push --provenance=mode=max} (and {@code mode=min}) of buildx
 * 0.29.1 on dockerd 26.1.5 with the containerd store, building a git checkout whose remote is
 * {@code https://example.invalid/team/app.git} with the build args {@code BASE} and {@code GREETING}.
 */
class ProvenanceStatementTest {
    private static final String COMMIT = "6767aa8aaf6141ee8a0511cfca84199ff69d8ea2";

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

    @Test
    void shouldReadTheSourceButNoBuildArgsOfModeMin() throws IOException {
        Provenance provenance = ProvenanceStatement.parse(recorded("buildx-bake-mode-min.intoto.json"));

        assertThat(provenance.source().commit()).isEqualTo(COMMIT);
        assertThat(provenance.buildArgs()).as("mode=min leaves build args out").isEmpty();
        assertThat(provenance.materials()).hasSize(1);
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
