package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Descriptor;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Manifest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CountingCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inspection of the busybox base image, pushed through the registry API, on every registry flavour. */
class ImageInspectorRegistryIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();
    @RegisterExtension
    static final RegistryExtension basic = RegistryExtension.basicAuth();
    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.tls();
    @RegisterExtension
    static final RegistryExtension token = RegistryExtension.tokenAuth();

    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    @Test
    void shouldInspectTheBaseImageAnonymouslyOnAPlainRegistry() {
        ImageReference reference = ImageReference.parse(plain.pushBusyboxBase("inspect/plain", "1"));

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            ImageInspection inspection = new ImageInspector(client).inspect(reference);

            assertThatIsTheBusyboxBase(inspection, plain, "inspect/plain", "1");
        }
    }

    @Test
    void shouldInspectTheBaseImageWithBasicCredentials() {
        ImageReference reference = ImageReference.parse(basic.pushBusyboxBase("inspect/basic", "1"));
        CountingCredentials credentials = new CountingCredentials(basic.username(), basic.password());

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), credentials)) {
            ImageInspection inspection = new ImageInspector(client).inspect(reference);

            assertThatIsTheBusyboxBase(inspection, basic, "inspect/basic", "1");
            assertThat(credentials.lookups()).isNotEmpty().containsOnly(basic.hostPort());
        }
    }

    @Test
    void shouldInspectTheBaseImageOverTlsTrustingTheGivenCa() {
        ImageReference reference = ImageReference.parse(tls.pushBusyboxBase("inspect/tls", "1"));
        RegistryOptions options = RegistryOptions.builder().caCertificate(tls.caCertificate()).build();

        try (RegistryClient client = new RegistryClient(options, CredentialsSource.anonymous())) {
            ImageInspection inspection = new ImageInspector(client).inspect(reference);

            assertThatIsTheBusyboxBase(inspection, tls, "inspect/tls", "1");
        }
    }

    @Test
    void shouldInspectWithBearerTokensRequestingOneTokenPerRepositoryScope() {
        ImageReference first = ImageReference.parse(token.pushBusyboxBase("inspect/token-a", "1"));
        ImageReference second = ImageReference.parse(token.pushBusyboxBase("inspect/token-b", "1"));
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());
        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(token.caCertificate()).build(), credentials)) {
            ImageInspector inspector = new ImageInspector(client);

            ImageInspection inspection = inspector.inspect(first);
            assertThat(credentials.lookups()).hasSize(1);
            inspector.inspect(first);
            inspector.inspect(first.withTag("1"));
            assertThat(credentials.lookups()).as("the token for repository:inspect/token-a:pull is reused").hasSize(1);
            inspector.inspect(second);

            assertThatIsTheBusyboxBase(inspection, token, "inspect/token-a", "1");
            assertThat(credentials.lookups()).as("one token per repository scope").hasSize(2);
        }
    }

    @Test
    void shouldAgreeWithTheRegistryOnTheDigestsOfManifestAndConfig() {
        ImageReference reference = ImageReference.parse(plain.pushBusyboxBase("inspect/head", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            Manifest manifest = client.getManifest(reference);
            Descriptor head = client.headManifest(reference);
            Manifest byDigest = client.getManifest(reference.withDigest(manifest.digest().toString()));

            assertThat(head.digest()).isEqualTo(manifest.digest());
            assertThat(head.size()).isEqualTo(manifest.size());
            assertThat(head.mediaType()).isEqualTo(DOCKER_MANIFEST);
            assertThat(byDigest).isEqualTo(manifest);
            assertThat(manifest.mediaType()).isEqualTo(ManifestMediaType.DOCKER_MANIFEST);
        }
    }

    @Test
    void shouldPingEveryFlavourWithItsCredentials() {
        try (RegistryClient anonymous = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());
                RegistryClient trusting = new RegistryClient(
                        RegistryOptions.builder().caCertificate(tls.caCertificate()).build(),
                        CredentialsSource.anonymous());
                RegistryClient basicLogin = new RegistryClient(RegistryOptions.defaults(),
                        new CountingCredentials(basic.username(), basic.password()));
                RegistryClient tokenLogin = new RegistryClient(
                        RegistryOptions.builder().caCertificate(token.caCertificate()).build(),
                        new CountingCredentials(token.username(), token.password()))) {
            anonymous.ping(plain.hostPort());
            trusting.ping(tls.hostPort());
            basicLogin.ping(basic.hostPort());
            tokenLogin.ping(token.hostPort());
        }
    }

    private static void assertThatIsTheBusyboxBase(ImageInspection inspection, RegistryExtension registry,
            String repository, String tag) {
        RegistryManifest pushed = registry.manifest(repository, tag);
        assertThat(inspection.reference()).hasToString(registry.hostPort() + "/" + repository + ":" + tag);
        assertThat(inspection.digest()).hasToString(pushed.digest());
        assertThat(inspection.mediaType()).isEqualTo(DOCKER_MANIFEST).isEqualTo(pushed.mediaType());
        assertThat(inspection.platforms()).singleElement().satisfies(image -> {
            assertThat(image.platform()).isEqualTo("linux/amd64");
            assertThat(image.manifestDigest()).hasToString(pushed.digest());
            assertThat(image.layers()).singleElement().satisfies(layer -> {
                assertThat(layer.digest().toString()).startsWith("sha256:");
                assertThat(layer.mediaType()).isEqualTo("application/vnd.docker.image.rootfs.diff.tar.gzip");
                assertThat(layer.compressedBytes()).isPositive();
            });
            assertThat(image.compressedBytes()).isGreaterThan(image.layers().get(0).compressedBytes());
            assertThat(pushed.content()).contains("\"size\":" + (image.compressedBytes() - image.layers().get(0).compressedBytes()));
            assertThat(image.created()).isNotEmpty();
            assertThat(image.user()).isEmpty();
            assertThat(image.healthcheck()).isEmpty();
            assertThat(image.exposedPorts()).isEmpty();
            assertThat(image.labels()).isEmpty();
        });
    }
}
