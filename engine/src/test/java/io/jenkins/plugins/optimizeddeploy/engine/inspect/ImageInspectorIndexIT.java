package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CountingCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryManifest;
import java.io.IOException;
import java.io.InputStream;
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
            assertThat(inspection.digest()).hasToString(token.manifest("index/busybox", "1").digest());
            assertThat(inspection.platforms()).extracting(PlatformImage::platform)
                    .containsExactly("linux/amd64", "linux/arm64/v8");
            assertThat(inspection.platforms()).allSatisfy(image -> {
                assertThat(token.manifest("index/busybox", image.manifestDigest().toString()).mediaType())
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
        long size = bytes(image);
        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaType.OCI_INDEX.value() + "\",\"manifests\":["
                + descriptor(image, size, "{\"os\":\"linux\",\"architecture\":\"amd64\"}", "{}") + ","
                + descriptor(image, size, "{\"os\":\"unknown\",\"architecture\":\"unknown\"}",
                        "{\"vnd.docker.reference.type\":\"attestation-manifest\",\"vnd.docker.reference.digest\":\""
                                + image.digest() + "\"}")
                + "]}";
        putManifest("index/attested", "1", ManifestMediaType.OCI_INDEX.value(), index);

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            ImageInspection inspection = new ImageInspector(client)
                    .inspect(ImageReference.parse(plain.hostPort() + "/index/attested:1"));

            assertThat(inspection.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value());
            assertThat(inspection.platforms()).singleElement().satisfies(platform -> {
                assertThat(platform.platform()).isEqualTo("linux/amd64");
                assertThat(platform.manifestDigest()).hasToString(image.digest());
                assertThat(platform.provenance().summary()).as("the attestation names an image manifest")
                        .isEqualTo("no provenance (its attestation " + image.digest()
                                + " holds no https://slsa.dev/provenance/v0.2 or https://slsa.dev/provenance/v1"
                                + " statement)");
            });
            assertThat(inspection.compressedSizes()).containsOnlyKeys("linux/amd64");
        }
    }

    @Test
    void shouldReadTheSlsaV1ProvenanceOfAnAttestationManifest() throws IOException, InterruptedException {
        plain.pushBusyboxBase("index/attested-v1", "image");
        RegistryManifest image = plain.manifest("index/attested-v1", "image");
        byte[] statement;
        try (InputStream in = getClass().getResourceAsStream("/provenance/buildx-build-mode-max-v1.intoto.json")) {
            statement = in.readAllBytes();
        }
        byte[] config = "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"rootfs\":{\"type\":\"layers\"}}"
                .getBytes(StandardCharsets.UTF_8);
        // the attestation manifest as BuildKit pushes it: one in-toto layer annotated with its predicate type
        putManifest("index/attested-v1", "attestation", ManifestMediaType.OCI_MANIFEST.value(),
                "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaType.OCI_MANIFEST.value() + "\",\"config\":{"
                        + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + pushBlob("index/attested-v1", config) + "\",\"size\":" + config.length + "},\"layers\":[{"
                        + "\"mediaType\":\"application/vnd.in-toto+json\",\"digest\":\""
                        + pushBlob("index/attested-v1", statement) + "\",\"size\":" + statement.length
                        + ",\"annotations\":{\"in-toto.io/predicate-type\":\"https://slsa.dev/provenance/v1\"}}]}");
        RegistryManifest attestation = plain.manifest("index/attested-v1", "attestation");
        putManifest("index/attested-v1", "1", ManifestMediaType.OCI_INDEX.value(), "{\"schemaVersion\":2,"
                + "\"mediaType\":\"" + ManifestMediaType.OCI_INDEX.value() + "\",\"manifests\":["
                + descriptor(image, bytes(image), "{\"os\":\"linux\",\"architecture\":\"amd64\"}", "{}") + ","
                + descriptor(attestation, bytes(attestation), "{\"os\":\"unknown\",\"architecture\":\"unknown\"}",
                        "{\"vnd.docker.reference.type\":\"attestation-manifest\",\"vnd.docker.reference.digest\":\""
                                + image.digest() + "\"}")
                + "]}");

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            ImageInspection inspection = new ImageInspector(client)
                    .inspect(ImageReference.parse(plain.hostPort() + "/index/attested-v1:1"));

            assertThat(inspection.platforms()).singleElement().satisfies(platform -> {
                assertThat(platform.provenance().attached()).as(platform.provenance().summary()).isTrue();
                assertThat(platform.provenance().source().commit())
                        .isEqualTo("edee4f7f5a73c8b3987802b910ffa22a38fd0313");
                assertThat(platform.provenance().buildArgs()).containsEntry("GREETING", "hello-slsa-v1");
            });
        }
    }

    private static long bytes(RegistryManifest manifest) {
        return manifest.content().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Uploads {@code content}: a session, then all of it in the one PUT that closes it; returns its digest. */
    private static String pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
        String digest = Digest.sha256Of(content).toString();
        HttpResponse<String> session = plain.httpClient().send(HttpRequest.newBuilder(
                        plain.baseUrl().resolve("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(202);
        String location = session.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> put = plain.httpClient().send(HttpRequest.newBuilder(plain.baseUrl()
                        .resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        return digest;
    }

    private static void putManifest(String repository, String reference, String mediaType, String content)
            throws IOException, InterruptedException {
        HttpResponse<String> put = plain.httpClient().send(HttpRequest.newBuilder(
                        plain.baseUrl().resolve("/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    }

    private static String descriptor(RegistryManifest manifest, long size, String platform, String annotations) {
        return "{\"mediaType\":\"" + manifest.mediaType() + "\",\"digest\":\"" + manifest.digest() + "\",\"size\":"
                + size + ",\"platform\":" + platform + ",\"annotations\":" + annotations + "}";
    }
}
