package io.jenkins.plugins.optimizeddeploy.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InspectCommandParseTest {
    @Test
    void shouldReadTheReferenceAndEveryOption() {
        InspectCommand command = CommandLine.populateCommand(new InspectCommand(),
                "reg.example.com/team/web:1.2", "--json", "--username", "ci", "--password-stdin",
                "--ca-cert", "/etc/ca.pem", "--insecure", "--docker-config", "/tmp/config.json");

        assertThat(command.reference).isEqualTo("reg.example.com/team/web:1.2");
        assertThat(command.json.requested()).isTrue();
        assertThat(command.registryAccess.arguments()).containsSequence("--username", "ci")
                .containsSequence("--ca-cert", Path.of("/etc/ca.pem").toString())
                .containsSequence("--docker-config", Path.of("/tmp/config.json").toString())
                .contains("--password-stdin", "--insecure");
    }

    @Test
    void shouldDefaultToTextVerifiedTlsAndDockerConfigCredentials() {
        InspectCommand command = CommandLine.populateCommand(new InspectCommand(), "ubuntu");

        assertThat(command.json.requested()).isFalse();
        assertThat(command.registryAccess.arguments()).isEmpty();
    }

    @Test
    void shouldRefuseAMissingReference() {
        assertThatThrownBy(() -> CommandLine.populateCommand(new InspectCommand()))
                .isInstanceOf(CommandLine.MissingParameterException.class)
                .hasMessageContaining("REF");
    }

    @Test
    void shouldNotAcceptThePasswordAsAnArgument() {
        assertThatThrownBy(() -> CommandLine.populateCommand(new InspectCommand(), "ubuntu", "--password", "secret"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
