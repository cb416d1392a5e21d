package io.jenkins.plugins.optimizeddeploy.engine.retag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RequestKind;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class RetagRequestTest {
    @Test
    void shouldTagEverySourceWithinItsOwnRepository() {
        RetagRequest request = RetagRequest.of(List.of("reg.example.com/team/web:abc", "reg.example.com/team/worker@sha256:"
                + "a".repeat(64)), List.of("latest", "prod"), null);

        assertThat(request.targetsOf(request.sources().get(1))).extracting(ImageReference::toString)
                .containsExactly("reg.example.com/team/worker:latest", "reg.example.com/team/worker:prod");
        assertThat(request.targetRepository()).isEmpty();
    }

    @Test
    void shouldTagIntoTheTargetRepository() {
        RetagRequest request = RetagRequest.of(List.of("reg.example.com/team/web:abc"), List.of("1.0"),
                "prod.example.com/release/web");

        assertThat(request.targetsOf(request.sources().get(0))).extracting(ImageReference::toString)
                .containsExactly("prod.example.com/release/web:1.0");
    }

    @Test
    void shouldRejectTwoSourcesBecomingTheSameTag() {
        assertThatThrownBy(() -> RetagRequest.of(List.of("reg.example.com/web:a", "reg.example.com/web:b"),
                List.of("latest"), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("reg.example.com/web:a").hasMessageContaining("reg.example.com/web:b")
                .hasMessageContaining("reg.example.com/web:latest");
    }

    @Test
    void shouldRejectMissingSourcesOrTagsAndBadTags() {
        assertThatThrownBy(() -> RetagRequest.of(List.of(), List.of("latest"), null))
                .hasMessageContaining("at least one source image");
        assertThatThrownBy(() -> RetagRequest.of(List.of("reg.example.com/web:a"), List.of(), null))
                .hasMessageContaining("at least one new tag");
        assertThatThrownBy(() -> RetagRequest.of(List.of("reg.example.com/web:a"), List.of("-bad"), null))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("-bad");
    }

    @Test
    void shouldRejectATargetRepositoryWithATagOrDigest() {
        assertThatThrownBy(() -> RetagRequest.of(List.of("reg.example.com/web:a"), List.of("latest"),
                "reg.example.com/prod/web:1"))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("takes no tag or digest");
    }

    @Test
    void shouldBeAValue() {
        EqualsVerifier.forClass(RetagRequest.class).withNonnullFields("sources", "tags").verify();
    }

    @Test
    void shouldSubtractTrafficAndSurviveSerialization() throws IOException, ClassNotFoundException {
        Map<RequestKind, Long> earlier = new EnumMap<>(RequestKind.class);
        earlier.put(RequestKind.MANIFEST_PUT, 2L);
        Map<RequestKind, Long> later = new EnumMap<>(RequestKind.class);
        later.put(RequestKind.MANIFEST_PUT, 5L);
        later.put(RequestKind.TOKEN, 1L);
        TrafficSnapshot traffic = new TrafficSnapshot(later, 100).since(new TrafficSnapshot(earlier, 40));
        RetagResult result = new RetagResult(RetagOutcome.MOVED, "", List.of(new RetaggedImage(ImageReference.parse("r/web:a"),
                Digest.parse("sha256:" + "b".repeat(64)), ManifestMediaType.OCI_MANIFEST.value(), List.of(ImageReference.parse("r/web:latest")))),
                List.of(new TagResult(ImageReference.parse("r/web:latest"), ImageReference.parse("r/web:a"), null,
                        Digest.parse("sha256:" + "b".repeat(64)), TagOutcome.MOVED,
                        "")), traffic, 12);

        assertThat(traffic.requests(RequestKind.MANIFEST_PUT)).isEqualTo(3);
        assertThat(traffic.blobBytes()).isEqualTo(60);
        assertThat(result.requestCounts()).containsExactly(Map.entry("token", 1L), Map.entry("manifest PUT", 3L));
        assertThat(roundTrip(result)).isEqualTo(result);
        assertThat(result.summary()).first().asString().contains("all 1 tags of 1 image(s)");
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
