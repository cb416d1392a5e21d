package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CountingCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bearer tokens are cached per repository scope until they expire, then requested afresh. */
class RegistryClientTokenIT {
    @RegisterExtension
    static final RegistryExtension token = RegistryExtension.tokenAuth();

    @Test
    void shouldRequestANewTokenOnceTheCachedOneExpires() {
        ImageReference reference = ImageReference.parse(token.pushBusyboxBase("token/expiry", "1"));
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());
        MovableClock clock = new MovableClock(Instant.now());
        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(token.caCertificate()).build(), credentials, clock)) {
            client.headManifest(reference);
            clock.advance(Duration.ofSeconds(60));
            client.headManifest(reference);
            assertThat(credentials.lookups()).as("still valid after a minute").hasSize(1);

            clock.advance(Duration.ofHours(1));
            client.headManifest(reference);

            assertThat(credentials.lookups()).as("expired after an hour (the token server grants 300 s)").hasSize(2);
        }
    }

    @Test
    void shouldAskForAFreshTokenOnceWhenTheRegistryRejectsTheCachedOne() {
        ImageReference reference = ImageReference.parse(token.pushBusyboxBase("token/rejected", "1"));
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());
        try (FaultInjectingProxy proxy = FaultInjectingProxy.droppingAuthorization(token, 1);
                RegistryClient client = new RegistryClient(RegistryOptions.defaults(), credentials)) {
            ImageReference viaProxy = ImageReference.parse(proxy.hostPort() + "/token/rejected:1");

            assertThat(client.getManifest(viaProxy).digest().toString())
                    .isEqualTo(token.manifest("token/rejected", "1").digest());
            assertThat(credentials.lookups()).as("the first token, and one more after the 401").hasSize(2);
        }
    }

    @Test
    void shouldGiveUpAfterOneFreshTokenIsRejectedToo() {
        token.pushBusyboxBase("token/rejected-twice", "1");
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());
        try (FaultInjectingProxy proxy = FaultInjectingProxy.droppingAuthorization(token, 100);
                RegistryClient client = new RegistryClient(RegistryOptions.defaults(), credentials)) {
            ImageReference viaProxy = ImageReference.parse(proxy.hostPort() + "/token/rejected-twice:1");

            assertThatThrownBy(() -> client.getManifest(viaProxy))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.errorCodes()).contains("UNAUTHORIZED");
                    })
                    .hasMessageContaining("the registry rejected the credentials of user '" + token.username() + "'")
                    .hasMessageNotContaining(token.password());
            assertThat(credentials.lookups()).hasSize(2);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
