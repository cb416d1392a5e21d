package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import org.junit.jupiter.api.Test;

class RegistryCredentialsTest {
    @Test
    void shouldRedactThePasswordInToString() {
        assertThat(new RegistryCredentials("alice", "hunter2"))
                .hasToString("RegistryCredentials[username=alice, password=****]");
    }

    @Test
    void shouldNotBeSerializableSoItCannotBePersisted() {
        assertThat(Serializable.class.isAssignableFrom(RegistryCredentials.class)).isFalse();
    }

    @Test
    void shouldRequireAUsername() {
        assertThatThrownBy(() -> new RegistryCredentials("", "pw")).hasMessage("registry username must not be empty");
        assertThatThrownBy(() -> new RegistryCredentials(null, "pw")).hasMessage("registry username is required");
        assertThatThrownBy(() -> new RegistryCredentials("bob", null))
                .hasMessage("registry password is required for user 'bob'");
    }

    @Test
    void shouldOfferAnonymousAndFixedSources() {
        RegistryCredentials credentials = new RegistryCredentials("u", "p");

        assertThat(CredentialsSource.anonymous().lookup("docker.io")).isEmpty();
        assertThat(CredentialsSource.fixed(credentials).lookup("any.example")).contains(credentials);
    }
}
