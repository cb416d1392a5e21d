package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.TemporaryDockerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderAccessTest {

    /** The workspace's temporary folder (WORKSPACE@tmp), not there yet. */
    @TempDir
    Path workspaceParent;
    Path temporary;

    @BeforeEach
    void workspaceTemporaryFolder() {
        temporary = workspaceParent.resolve("ws@tmp");
    }

    private static final Map<String, String> BUILD_ENVIRONMENT = Map.of("DOCKER_HOST", "unix:///run/ci/docker.sock",
            "DOCKER_CONFIG", "/home/ci/.docker", "GIT_COMMIT", "0123abc", "API_TOKEN", "not for docker");
    private static final RegistryLogin LOGIN = new RegistryLogin("ci", "s3cr3t-pass");

    @Test
    void shouldKeepOnlyTheDockerAndBuildahVariablesOfTheBuild() {
        try (BuilderAccess.Session session = new BuilderAccess(null, BUILD_ENVIRONMENT, false, temporary.toString())
                .open(List.of("reg.example.com/team"))) {
            assertThat(session.environment()).containsOnly(Map.entry("DOCKER_HOST", "unix:///run/ci/docker.sock"),
                    Map.entry("DOCKER_CONFIG", "/home/ci/.docker"));
            assertThat(session.docker().environment()).isEqualTo(session.environment());
            assertThat(session.buildah().tlsVerify()).isTrue();
        }
    }

    @Test
    void shouldHandTheLoginToDockerAndBuildahInAPrivateConfigThatClosingDeletes() throws IOException {
        Path directory;
        try (BuilderAccess.Session session = new BuilderAccess(LOGIN, BUILD_ENVIRONMENT, true, temporary.toString())
                .open(List.of("reg.example.com/team", "cache.example.com:5000/team/cache", "reg.example.com/other"))) {
            directory = Path.of(session.environment().get("DOCKER_CONFIG"));
            assertThat(directory.getParent()).as("in the workspace's temporary folder").isEqualTo(temporary);
            Path configJson = directory.resolve("config.json");
            assertThat(session.environment()).containsEntry("REGISTRY_AUTH_FILE", configJson.toString())
                    .containsEntry("DOCKER_HOST", "unix:///run/ci/docker.sock");
            assertThat(session.buildah().environment()).isEqualTo(session.environment());
            assertThat(session.buildah().tlsVerify()).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            String auth = Base64.getEncoder().encodeToString("ci:s3cr3t-pass".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(configJson)).isEqualTo("{\"auths\":{\"reg.example.com\":{\"auth\":\"" + auth
                    + "\"},\"cache.example.com:5000\":{\"auth\":\"" + auth + "\"}}}");
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void shouldKeepTheAgentsBuildxPluginBuildersAndContextsBesideTheLoginAndDeleteOnlyTheLinks(@TempDir Path agentConfig)
            throws IOException {
        Files.createDirectories(agentConfig.resolve("cli-plugins"));
        Files.writeString(agentConfig.resolve("cli-plugins/docker-buildx"), "the agent's buildx");
        Files.createDirectories(agentConfig.resolve("buildx/instances"));
        Files.writeString(agentConfig.resolve("buildx/current"), "{\"Name\":\"ci-builder\"}");
        Files.createDirectories(agentConfig.resolve("contexts/meta"));
        Path directory;
        try (BuilderAccess.Session session = new BuilderAccess(LOGIN, Map.of("DOCKER_CONFIG", agentConfig.toString()),
                false, temporary.toString())
                .open(List.of("reg.example.com/team"))) {
            directory = Path.of(session.environment().get("DOCKER_CONFIG"));
            assertThat(directory.resolve("cli-plugins/docker-buildx")).hasContent("the agent's buildx");
            assertThat(directory.resolve("buildx/current")).hasContent("{\"Name\":\"ci-builder\"}");
            assertThat(directory.resolve("contexts/meta")).isDirectory();
        }
        assertThat(directory).doesNotExist();
        assertThat(agentConfig.resolve("cli-plugins/docker-buildx")).exists();
        assertThat(agentConfig.resolve("buildx/current")).exists();
    }

    @Test
    void shouldChooseTheContextTheAgentChoseWithDockerContextUse(@TempDir Path agentConfig) throws IOException {
        Files.writeString(agentConfig.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"remote-engine\"}");
        try (BuilderAccess.Session session = new BuilderAccess(LOGIN, Map.of("DOCKER_CONFIG", agentConfig.toString()),
                false, temporary.toString())
                .open(List.of("reg.example.com/team"))) {
            Path configJson = Path.of(session.environment().get("DOCKER_CONFIG")).resolve("config.json");

            assertThat(Files.readString(configJson)).contains("\"currentContext\":\"remote-engine\"")
                    .contains("\"reg.example.com\":{\"auth\":");
        }
    }

    @Test
    void shouldKeepTheAgentsLoginsToOtherRegistriesAsWithDockerRegistryWroteThem(@TempDir Path agentConfig)
            throws IOException {
        Files.writeString(agentConfig.resolve("config.json"), "{\"auths\":{"
                + "\"base.example.com\":{\"auth\":\"YmFzZTpwdw==\"},"
                + "\"reg.example.com\":{\"auth\":\"b2xkOmxvZ2lu\"}},\"credsStore\":\"desktop\"}");
        try (BuilderAccess.Session session = new BuilderAccess(LOGIN, Map.of("DOCKER_CONFIG", agentConfig.toString()),
                false, temporary.toString()).open(List.of("reg.example.com/team"))) {
            Path configJson = Path.of(session.environment().get("DOCKER_CONFIG")).resolve("config.json");

            String auth = Base64.getEncoder().encodeToString("ci:s3cr3t-pass".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(configJson)).isEqualTo("{\"auths\":{\"base.example.com\":{\"auth\":"
                    + "\"YmFzZTpwdw==\"},\"reg.example.com\":{\"auth\":\"" + auth + "\"}}}");
        }
    }

    @Test
    void shouldNameAnAgentDockerConfigThatIsNotJsonWithoutQuotingIt(@TempDir Path agentConfig) throws IOException {
        Files.writeString(agentConfig.resolve("config.json"), "{\"auths\":{\"reg\":{\"auth\":\"c2VjcmV0\"}} oops-secret");
        BuilderAccess access = new BuilderAccess(LOGIN, Map.of("DOCKER_CONFIG", agentConfig.toString()), false,
                temporary.toString());

        assertThatThrownBy(() -> access.open(List.of("reg.example.com/team")))
                .hasMessageContaining(agentConfig.resolve("config.json").toString())
                .hasMessageContaining("not valid JSON").hasMessageNotContaining("oops").hasMessageNotContaining("c2Vj");
    }

    @Test
    void shouldUseDockersOwnKeyForDockerHub() {
        assertThat(new BuilderAccess(LOGIN, Map.of(), false, temporary.toString())
                .dockerConfig(List.of("docker.io/team"), MissingNode.getInstance()))
                .startsWith("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":");
    }

    @Test
    void shouldAskForOwnerOnlyPermissionsOnlyWhereTheFileSystemHasPosixPermissions() {
        Set<String> windowsViews = Set.of("basic", "dos", "acl", "owner", "user");

        assertThat(TemporaryDockerConfig.ownerOnly(windowsViews)).as("nothing a Windows agent refuses").isEmpty();
        assertThat(TemporaryDockerConfig.ownerOnly(Set.of("basic", "posix", "unix", "owner")))
                .extracting(FileAttribute::name).containsExactly("posix:permissions");
    }

    @Test
    void shouldRunTheDockerAndBuildahTheBuildsPathFindsOnTheAgentElseLeaveTheirNamesToTheLauncher(
            @TempDir Path tools) throws IOException {
        Path docker = Files.createFile(tools.resolve("docker"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(tools.resolve("buildah"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));
        Map<String, String> withTools = Map.of("PATH", "/nonexistent/bin:" + tools + ":/usr/bin");

        try (BuilderAccess.Session found = new BuilderAccess(null, withTools, false, temporary.toString())
                .open(List.of("reg.example.com/team"));
                BuilderAccess.Session inContainer = new BuilderAccess(null, Map.of("PATH", "/nonexistent/bin"), false,
                        temporary.toString()).open(List.of("reg.example.com/team"));
                BuilderAccess.Session withoutPath = new BuilderAccess(null, Map.of(), false, temporary.toString())
                        .open(List.of("reg.example.com/team"))) {
            assertThat(found.docker().binary()).isEqualTo(docker);
            assertThat(found.buildah().binary()).as("not executable: the next on PATH")
                    .isEqualTo(Path.of("/usr/bin/buildah"));
            assertThat(inContainer.docker().binary()).isEqualTo(Path.of("docker"));
            assertThat(inContainer.buildah().binary()).isEqualTo(Path.of("buildah"));
            assertThat(withoutPath.docker().binary()).isEqualTo(Path.of("/usr/bin/docker"));
        }
    }

    @Test
    void shouldNeverShowThePassword() throws IOException, ClassNotFoundException {
        BuilderAccess access = new BuilderAccess(LOGIN, BUILD_ENVIRONMENT, false, temporary.toString());

        assertThat(access.toString()).doesNotContain("s3cr3t-pass").contains("ci");
        assertThat(JavaSerialization.roundTrip(access).toString()).isEqualTo(access.toString());
    }
}
