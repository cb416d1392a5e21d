package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RegistryLoginTest {

    @Test
    void shouldNeverShowThePassword() {
        RegistryLogin login = new RegistryLogin("deployer", "s3cret-Passw0rd");

        assertThat(login.toString()).contains("deployer").doesNotContain("s3cret-Passw0rd");
    }

    @Test
    void shouldArriveOnTheAgentIntact() throws IOException, ClassNotFoundException {
        RegistryLogin login = JavaSerialization.roundTrip(new RegistryLogin("deployer", "s3cret-Passw0rd"));

        assertThat(login.toCredentials()).isEqualTo(new RegistryCredentials("deployer", "s3cret-Passw0rd"));
    }

    @Test
    void shouldRequireAPasswordNamingTheUser() {
        assertThatThrownBy(() -> new RegistryLogin("deployer", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("registry password is required for user 'deployer'");
    }
}
