package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CountingCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryManifest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImageInspectorIndexIT {
    @RegisterExtension
    static final RegistryExtension token = RegistryExtension.tokenAuth();
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    @Test
    void shouldInspectEveryPlatformOfAnOciIndex() {
        ImageReference reference = ImageReference.parse(token.pushBusyboxIndex("index/busybox", "1"));
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());

        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(token.caCertificate()).build(), credentials)) {
            ImageInspection inspection = new ImageInspector(client).inspect(reference);

            assertThat(inspection.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value());
            assertThat(inspection.digest()).isEqualTo(token.manifest("index/busybox", "1").digest());
            assertThat(inspection.platforms()).extracting(PlatformImage::platform)
                    .containsExactly("linux/amd64", "linux/arm64/v8");
            assertThat(inspection.platforms()).allSatisfy(image -> {
                assertThat(token.manifest("index/busybox", image.manifestDigest()).mediaType())
                        .isEqualTo(ManifestMediaType.OCI_MANIFEST.value());
                assertThat(image.layers()).singleElement().satisfies(layer -> assertThat(layer.compressedBytes()).isPositive());
                assertThat(image.compressedBytes()).isGreaterThan(image.layers().get(0).compressedBytes());
            });
            assertThat(inspection.platforms()).extracting(PlatformImage::manifestDigest).doesNotHaveDuplicates();
            assertThat(credentials.lookups()).as("one token for the index and all its manifests and configs")
                    .hasSize(1);
        }
    }

    @Test
    void shouldLeaveOutAttestationManifests() throws IOException, InterruptedException {
        plain.pushBusyboxBase("index/attested", "image");
        RegistryManifest image = plain.manifest("index/attested", "image");
        long size = image.content().getBytes(StandardCharsets.UTF_8).length;
        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaType.OCI_INDEX.value() + "\",\"manifests\":["
                + descriptor(image, size, "{\"os\":\"linux\",\"architecture\":\"amd64\"}", "{}") + ","
                + descriptor(image, size, "{\"os\":\"unknown\",\"architecture\":\"unknown\"}",
                        "{\"vnd.docker.reference.type\":\"attestation-manifest\",\"vnd.docker.reference.digest\":\""
                                + image.digest() + "\"}")
                + "]}";
        HttpResponse<String> put = plain.httpClient().send(HttpRequest.newBuilder(
                        plain.baseUrl().resolve("/v2/index/attested/manifests/1"))
                .header("Content-Type", ManifestMediaType.OCI_INDEX.value())
                .PUT(HttpRequest.BodyPublishers.ofString(index)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            ImageInspection inspection = new ImageInspector(client)
                    .inspect(ImageReference.parse(plain.hostPort() + "/index/attested:1"));

            assertThat(inspection.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value());
            assertThat(inspection.platforms()).singleElement().satisfies(platform -> {
                assertThat(platform.platform()).isEqualTo("linux/amd64");
                assertThat(platform.manifestDigest()).isEqualTo(image.digest());
                assertThat(platform.provenance().summary()).as("the attestation names an image manifest")
                        .isEqualTo("no provenance (its attestation " + image.digest()
                                + " holds no https://slsa.dev/provenance/v0.2 statement)");
            });
            assertThat(inspection.compressedSizes()).containsOnlyKeys("linux/amd64");
        }
    }

    private static String descriptor(RegistryManifest manifest, long size, String platform, String annotations) {
        return "{\"mediaType\":\"" + manifest.mediaType() + "\",\"digest\":\"" + manifest.digest() + "\",\"size\":"
                + size + ",\"platform\":" + platform + ",\"annotations\":" + annotations + "}";
    }
}
