package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.Optional;
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
    void shouldOfferAnonymousAndBoundSources() {
        RegistryCredentials credentials = new RegistryCredentials("u", "p");
        RegistryCredentials elsewhere = new RegistryCredentials("other", "q");
        CredentialsSource bound = CredentialsSource.forRegistry("Registry.Example:5000", credentials,
                host -> host.equals("other.example") ? Optional.of(elsewhere) : Optional.empty());

        assertThat(CredentialsSource.anonymous().lookup("docker.io")).isEmpty();
        assertThat(bound.lookup("registry.example:5000")).contains(credentials);
        assertThat(bound.lookup("registry.example:5001")).isEmpty();
        assertThat(bound.lookup("other.example")).contains(elsewhere);
        assertThat(CredentialsSource.forRegistry("index.docker.io", credentials, CredentialsSource.anonymous())
                .lookup("docker.io")).contains(credentials);
    }
}
