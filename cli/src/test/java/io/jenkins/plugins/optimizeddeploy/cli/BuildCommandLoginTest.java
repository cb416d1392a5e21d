package io.jenkins.plugins.optimizeddeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandLoginTest {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerdExtension DOCKERD = new DockerdExtension();

    @Test
    void shouldPushWithTheGivenLoginThoughTheMachinesDockerConfigHasNoneAndLeaveNoConfigBehind(@TempDir Path machine)
            throws IOException {
        String baseImage = REGISTRY.pushBusyboxBase("base/busybox", "cli-login");
        Path noLogins = Files.writeString(machine.resolve("config.json"), "{\"auths\":{}}");
        List<Path> configsBefore = temporaryDockerConfigs();
        String registry = REGISTRY.hostPort() + "/cli-login";

        CliRun run = CliRun.withStdin(REGISTRY.password() + "\n", "build", "--file",
                SampleApp.directory().resolve("docker-bake.hcl").toString(), "--target", "web", "--registry", registry,
                "--tag", "login-1", "--backend", "docker", "--docker-host", DOCKERD.dockerHost(),
                "--var", "BASE_IMAGE=" + baseImage, "--branch", "main", "--username", REGISTRY.username(),
                "--password-stdin", "--docker-config", noLogins.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(REGISTRY.manifest("cli-login/web", "login-1")).as("pushed by docker with the login").isNotNull();
        assertThat(run.out() + run.err()).doesNotContain(REGISTRY.password());
        assertThat(temporaryDockerConfigs()).as("the temporary docker config is deleted").isEqualTo(configsBefore);
        assertThat(Files.readString(noLogins)).isEqualTo("{\"auths\":{}}");
    }

    private static List<Path> temporaryDockerConfigs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("optimized-deploy-docker-config"))
                    .sorted().toList();
        }
    }
}
