package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A registry naming a plain http token realm anywhere but on its own address (scheme, host and port) gets no
 * credentials sent there.
 */
class HostileTokenRealmTest {
    private static final RegistryCredentials CREDENTIALS = new RegistryCredentials("deployer", "s3cret-realm");

    @Test
    void shouldAskAPlainRealmOnAnotherHostAnonymously() {
        assertThatAPlainRealmIsAskedAnonymously("localhost");
    }

    @Test
    void shouldAskAPlainRealmOnAnotherPortOfTheRegistrysHostAnonymously() {
        assertThatAPlainRealmIsAskedAnonymously("127.0.0.1");
    }

    private static void assertThatAPlainRealmIsAskedAnonymously(String realmHost) {
        try (HostileRegistry realm = HostileRegistry.start(request -> Answer.json(401, "{}"));
                HostileRegistry registry = HostileRegistry.start(request -> Answer.status(401).header(
                        "WWW-Authenticate", "Bearer realm=\"http://" + realmHost + ":" + realm.url("").getPort()
                                + "/token\",service=\"hostile\""));
                RegistryClient client = new RegistryClient(RegistryOptions.builder().maxRetries(0).build(),
                        registryHost -> Optional.of(CREDENTIALS))) {
            assertThatThrownBy(() -> client.ping(registry.registry()))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("the credentials for " + registry.registry() + " are not sent to it");

            assertThat(realm.requests()).isNotEmpty().allSatisfy(request ->
                    assertThat(request.header("Authorization")).as(request.target()).isEmpty());
        }
    }
}
