package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Descriptor;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import io.jenkins.plugins.optimizeddeploy.testsupport.PlainValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

class ImageInspectionTest {
    private static final Digest DIGEST = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest LAYER = Digest.parse("sha256:" + "b".repeat(64));

    private static PlatformImage platformImage() {
        Map<String, String> labels = new HashMap<>(Map.of("team", "platform", "app", "web"));
        return PlatformImage.builder("linux/amd64", DIGEST)
                .content(1234, List.of(new Layer(LAYER, "application/vnd.oci.image.layer.v1.tar+gzip", 1000)))
                .created("2026-01-01T00:00:00Z")
                .user("app")
                .healthcheck(List.of("CMD-SHELL", "true"))
                .exposedPorts(new ArrayList<>(List.of("9090/udp", "8080/tcp")))
                .labels(labels)
                .build();
    }

    @Test
    void shouldSortPortsAndLabelsAndCopyCollections() {
        PlatformImage image = platformImage();

        assertThat(image.exposedPorts()).containsExactly("8080/tcp", "9090/udp");
        assertThat(image.labels().keySet()).containsExactly("app", "team");
    }

    @Test
    void shouldUseEmptyTextForAMissingUserAndCreationTime() {
        PlatformImage image = PlatformImage.builder("linux/amd64", DIGEST).created(null).user(null).build();

        assertThat(image.user()).isEmpty();
        assertThat(image.created()).isEmpty();
    }

    @Test
    void shouldGiveTheFieldsTheCliPrintsAndTheStepReturns() {
        ImageInspection inspection = new ImageInspection(ImageReference.parse("127.0.0.1:5000/app:1"), DIGEST,
                ManifestMediaType.DOCKER_MANIFEST.value(), List.of(platformImage()));

        JsonNode json = new ObjectMapper().valueToTree(InspectionFields.of(inspection));

        assertThat(json.path("digest").asText()).isEqualTo(DIGEST.toString());
        JsonNode platform = json.path("platforms").path(0);
        assertThat(platform.path("platform").asText()).isEqualTo("linux/amd64");
        assertThat(platform.path("digest").asText()).isEqualTo(DIGEST.toString());
        assertThat(platform.path("layers").path(0).path("digest").asText()).isEqualTo(LAYER.toString());
        assertThat(platform.path("compressedBytes").asLong()).isEqualTo(1234);
        assertThat(platform.path("user").asText()).isEqualTo("app");
        assertThat(platform.path("healthcheck").path(1).asText()).isEqualTo("true");
        assertThat(platform.path("layers").path(0).path("compressedBytes").asLong()).isEqualTo(1000);
        assertThat(platform.path("labels").path("team").asText()).isEqualTo("platform");
        assertThat(platform.path("provenance").path("missing").asText()).isNotEmpty();
    }

    @Test
    void shouldNameEveryFieldAsBeforeDigestsWereTyped() {
        ImageInspection inspection = new ImageInspection(ImageReference.parse("127.0.0.1:5000/app:1"), DIGEST,
                ManifestMediaType.OCI_INDEX.value(), List.of(platformImage()));

        assertThat(FieldNames.of(InspectionFields.of(inspection))).containsExactly("digest", "mediaType", "platforms",
                "platforms[].compressedBytes", "platforms[].created", "platforms[].digest", "platforms[].exposedPorts",
                "platforms[].healthcheck", "platforms[].labels", "platforms[].labels.app", "platforms[].labels.team",
                "platforms[].layers", "platforms[].layers[].compressedBytes", "platforms[].layers[].digest",
                "platforms[].layers[].mediaType", "platforms[].platform", "platforms[].provenance",
                "platforms[].provenance.buildArgs", "platforms[].provenance.buildType",
                "platforms[].provenance.builderId", "platforms[].provenance.commit", "platforms[].provenance.frontend",
                "platforms[].provenance.materials", "platforms[].provenance.missing",
                "platforms[].provenance.repository", "platforms[].user", "reference");
    }

    @Test
    void shouldHoldOnlyValuesAPipelineScriptCanBeGiven() {
        PlainValues.requirePlain(InspectionFields.of(new ImageInspection(ImageReference.parse("127.0.0.1:5000/app:1"),
                DIGEST, ManifestMediaType.OCI_INDEX.value(), List.of(platformImage()))));
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        ImageInspection inspection = new ImageInspection(ImageReference.parse("127.0.0.1:5000/app:1"), DIGEST,
                ManifestMediaType.OCI_INDEX.value(), List.of(platformImage(), platformImage()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(inspection);
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(inspection);
        }
    }

    @Test
    void shouldHonourEqualsAndHashCodeContracts() {
        EqualsVerifier.forClass(ImageInspection.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(PlatformImage.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Layer.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Descriptor.class).suppress(Warning.NULL_FIELDS).verify();
    }
}
