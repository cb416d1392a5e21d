package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A loopback registry is asked over plain http first: one ping for a plain one, https only when that is refused. */
class RegistryClientDiscoveryIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();
    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.tls();

    @Test
    void shouldReachAPlainLoopbackRegistryWithOnePing() {
        ImageReference reference = ImageReference.parse(plain.pushBusyboxBase("discovery/plain", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            Descriptor found = client.headManifest(reference);

            assertThat(found.digest().toString()).isEqualTo(plain.manifest("discovery/plain", "1").digest());
            assertThat(client.traffic().requests(RequestKind.PING)).as("no https attempt before it").isEqualTo(1);
        }
    }

    @Test
    void shouldReachATlsLoopbackRegistryOverHttpsAfterItRefusesThePlainPing() {
        ImageReference reference = ImageReference.parse(tls.pushBusyboxBase("discovery/tls", "1"));
        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(tls.caCertificate()).build(), CredentialsSource.anonymous())) {
            Descriptor found = client.headManifest(reference);

            assertThat(found.digest().toString()).isEqualTo(tls.manifest("discovery/tls", "1").digest());
            assertThat(client.traffic().requests(RequestKind.PING)).as("the plain ping, answered 400, then https")
                    .isEqualTo(2);
        }
    }
}
