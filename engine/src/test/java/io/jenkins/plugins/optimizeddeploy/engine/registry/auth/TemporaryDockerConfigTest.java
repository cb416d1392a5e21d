package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryDockerConfigTest {
    private static final RegistryCredentials LOGIN = new RegistryCredentials("ci", "s3cret-pass");

    @Test
    void shouldWriteTheLoginWithTheMachinesOtherLoginsIntoAnOwnerOnlyFolderThatClosingDeletes(@TempDir Path temporary)
            throws IOException {
        Path machine = Files.createDirectories(temporary.resolve("machine"));
        Files.createDirectories(machine.resolve("cli-plugins"));
        Files.writeString(machine.resolve("config.json"), "{\"auths\":{\"other.example.com\":{\"auth\":\"b3RoZXI=\"}},"
                + "\"currentContext\":\"ci\"}");
        Path folder;
        try (TemporaryDockerConfig config = TemporaryDockerConfig.write(temporary.resolve("tmp"),
                machine.resolve("config.json"), Map.of("reg.example.com:5000", LOGIN))) {
            folder = config.directory();
            Path configJson = folder.resolve("config.json");

            assertThat(config.environment()).containsOnly(Map.entry("DOCKER_CONFIG", folder.toString()),
                    Map.entry("REGISTRY_AUTH_FILE", configJson.toString()));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configJson))).isEqualTo("rw-------");
            assertThat(Files.readString(configJson)).contains("\"other.example.com\":{\"auth\":\"b3RoZXI=\"}",
                    "\"reg.example.com:5000\":{\"auth\":\"" + Base64.getEncoder().encodeToString("ci:s3cret-pass".getBytes())
                            + "\"}", "\"currentContext\":\"ci\"");
            assertThat(folder.resolve("cli-plugins")).isSymbolicLink();
            assertThat(config.toString()).doesNotContain("s3cret-pass");
        }
        assertThat(folder).doesNotExist();
        assertThat(machine.resolve("cli-plugins")).as("the machine's own folder stays").isDirectory();
    }

    @Test
    void shouldUseDockersOwnKeyForDockerHubAndDoWithoutAMachineConfig(@TempDir Path temporary) throws IOException {
        try (TemporaryDockerConfig config = TemporaryDockerConfig.write(temporary, temporary.resolve("none/config.json"),
                Map.of("docker.io", LOGIN))) {
            assertThat(Files.readString(config.directory().resolve("config.json")))
                    .startsWith("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":");
        }
    }
}
