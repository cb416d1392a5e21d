package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.LoopbackPorts;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures name the operation, the status, the registry's error codes and the URL, and never a password. */
class RegistryClientErrorIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();
    @RegisterExtension
    static final RegistryExtension basic = RegistryExtension.basicAuth();
    @RegisterExtension
    static final RegistryExtension token = RegistryExtension.tokenAuth();

    private static final String WRONG_PASSWORD = "wrong-password-4711";

    @Test
    void shouldReportAnUnknownRepositoryWithTheRegistryErrorCode() {
        ImageReference missing = ImageReference.parse(plain.hostPort() + "/errors/never-pushed:1");
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            assertThatThrownBy(() -> client.getManifest(missing))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.operation()).isEqualTo("fetch manifest " + missing);
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCodes()).containsAnyOf("MANIFEST_UNKNOWN", "NAME_UNKNOWN");
                        assertThat(e.url())
                                .isEqualTo("http://" + plain.hostPort() + "/v2/errors/never-pushed/manifests/1");
                    })
                    .hasMessageStartingWith("fetch manifest " + missing + " failed: not found")
                    .hasMessageContaining("HTTP 404")
                    .hasMessageContaining("http://" + plain.hostPort() + "/v2/errors/never-pushed/manifests/1");
        }
    }

    @Test
    void shouldReportAnUnknownTagOfAnExistingRepository() {
        ImageReference reference = ImageReference.parse(plain.pushBusyboxBase("errors/known", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            assertThatThrownBy(() -> client.headManifest(reference.withTag("2")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.operation()).isEqualTo("check manifest " + reference.withTag("2"));
                        assertThat(e.status()).isEqualTo(404);
                    });
        }
    }

    @Test
    void shouldReportAnUnknownBlob() {
        ImageReference reference = ImageReference.parse(plain.pushBusyboxBase("errors/blob", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            Digest absent = Digest.sha256Of(new byte[] {1, 2, 3});

            assertThatThrownBy(() -> client.getBlob(reference, absent, 1024))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCodes()).contains("BLOB_UNKNOWN");
                        assertThat(e.url()).endsWith("/v2/errors/blob/blobs/" + absent);
                    });
        }
    }

    @Test
    void shouldNameTheUserWhoseBasicCredentialsWereRejectedButNotThePassword() {
        ImageReference reference = ImageReference.parse(basic.pushBusyboxBase("errors/basic", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                CredentialsSource.forRegistry(basic.hostPort(),
                        new RegistryCredentials(basic.username(), WRONG_PASSWORD), CredentialsSource.anonymous()))) {
            assertThatThrownBy(() -> client.getManifest(reference))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.errorCodes()).contains("UNAUTHORIZED");
                        assertThat(e.url()).isEqualTo("http://" + basic.hostPort() + "/v2/errors/basic/manifests/1");
                    })
                    .hasMessageContaining("the registry rejected the credentials of user '" + basic.username() + "'")
                    .hasMessageNotContaining(WRONG_PASSWORD)
                    .hasMessageNotContaining(basic.password());
        }
    }

    @Test
    void shouldSayThatCredentialsAreMissingWhenTheRegistryRequiresThem() {
        ImageReference reference = ImageReference.parse(basic.pushBusyboxBase("errors/anonymous", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            assertThatThrownBy(() -> client.getManifest(reference))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                    .hasMessageContaining("no credentials are configured for " + basic.hostPort());
        }
    }

    @Test
    void shouldNeverAnswerAChallengeWithTheCredentialsOfAJvmWideAuthenticator() {
        ImageReference reference = ImageReference.parse(basic.pushBusyboxBase("errors/jvm-wide", "1"));
        AtomicInteger asked = new AtomicInteger();
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            Authenticator.setDefault(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    asked.incrementAndGet();
                    return new PasswordAuthentication(basic.username(), basic.password().toCharArray());
                }
            });
            try {
                assertThatThrownBy(() -> client.getManifest(reference))
                        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
            } finally {
                Authenticator.setDefault(null);
            }
        }
        assertThat(asked).hasValue(0);
    }

    @Test
    void shouldNameTheUserWhoseCredentialsTheTokenServerRejected() {
        ImageReference reference = ImageReference.parse(token.pushBusyboxBase("errors/token", "1"));
        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(token.caCertificate()).build(),
                CredentialsSource.forRegistry(token.hostPort(),
                        new RegistryCredentials(token.username(), WRONG_PASSWORD), CredentialsSource.anonymous()))) {
            assertThatThrownBy(() -> client.getManifest(reference))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.operation()).isEqualTo("request a token for repository:errors/token:pull at "
                                + token.hostPort());
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.url()).startsWith("https://127.0.0.1:").contains("/token?service=")
                                .contains("scope=repository%3Aerrors%2Ftoken%3Apull");
                    })
                    .hasMessageContaining(
                            "the token server rejected the credentials of user '" + token.username() + "'")
                    .hasMessageNotContaining(WRONG_PASSWORD)
                    .hasMessageNotContaining(token.password());
        }
    }

    @Test
    void shouldFailPingWithWrongBasicCredentials() {
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                CredentialsSource.forRegistry(basic.hostPort(),
                        new RegistryCredentials(basic.username(), WRONG_PASSWORD), CredentialsSource.anonymous()))) {
            assertThatThrownBy(() -> client.ping(basic.hostPort()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.operation()).isEqualTo("ping registry " + basic.hostPort());
                        assertThat(e.status()).isEqualTo(401);
                    })
                    .hasMessageNotContaining(WRONG_PASSWORD);
        }
    }

    @Test
    void shouldReportAnUnreachableRegistryAfterRetrying() {
        String nobody = "127.0.0.1:" + LoopbackPorts.free();
        try (RegistryClient client = new RegistryClient(RegistryOptions.builder().maxRetries(2)
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build(),
                CredentialsSource.anonymous())) {
            assertThatThrownBy(() -> client.getManifest(ImageReference.parse(nobody + "/app:1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.url()).isEqualTo("http://" + nobody + "/v2/");
                        assertThat(e.getSuppressed()).as("the https attempt").hasSize(1);
                    })
                    .hasMessageContaining("cannot reach the registry after 3 attempts");
        }
    }
}
