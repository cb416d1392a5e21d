package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotent requests are retried after 429 and 5xx answers, up to the configured number of retries. */
class RegistryClientRetryIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    private static RegistryOptions quickRetries(int retries) {
        return RegistryOptions.builder().maxRetries(retries).initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50)).build();
    }

    @Test
    void shouldRetryServiceUnavailableUntilTheRegistryAnswers() {
        plain.pushBusyboxBase("retry/unavailable", "1");
        try (FaultInjectingProxy proxy = FaultInjectingProxy.failingFirst(plain.baseUrl(), 2, 503, Map.of());
                RegistryClient client = new RegistryClient(quickRetries(3), CredentialsSource.anonymous())) {
            Manifest manifest = client.getManifest(ImageReference.parse(proxy.hostPort() + "/retry/unavailable:1"));

            assertThat(manifest.digest()).hasToString(plain.manifest("retry/unavailable", "1").digest());
            assertThat(proxy.requests()).as("2 failed pings, the ping, the manifest").isEqualTo(4);
        }
    }

    @Test
    void shouldHonourRetryAfterOnTooManyRequests() {
        plain.pushBusyboxBase("retry/throttled", "1");
        try (FaultInjectingProxy proxy = FaultInjectingProxy.failingFirst(plain.baseUrl(), 1, 429,
                Map.of("Retry-After", "0"));
                RegistryClient client = new RegistryClient(RegistryOptions.builder().maxRetries(1)
                        .initialBackoff(Duration.ofSeconds(30)).maxBackoff(Duration.ofSeconds(30)).build(),
                        CredentialsSource.anonymous())) {
            long start = System.nanoTime();
            client.headManifest(ImageReference.parse(proxy.hostPort() + "/retry/throttled:1"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After 0, not the 30 s backoff")
                    .isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void shouldReportTheLastErrorStatusWhenRetriesRunOut() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.failingFirst(plain.baseUrl(), 100, 502, Map.of());
                RegistryClient client = new RegistryClient(quickRetries(2), CredentialsSource.anonymous())) {
            assertThatThrownBy(() -> client.ping(proxy.hostPort()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.operation()).isEqualTo("ping registry " + proxy.hostPort());
                    });
            assertThat(proxy.requests()).as("the first attempt and 2 retries").isEqualTo(3);
        }
    }
}
