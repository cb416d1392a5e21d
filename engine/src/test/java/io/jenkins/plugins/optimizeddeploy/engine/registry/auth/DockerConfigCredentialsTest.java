package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
    @TempDir
    Path directory;

    private Path config(String json) throws IOException {
        return Files.writeString(directory.resolve("config.json"), json, StandardCharsets.UTF_8);
    }

    private static String auth(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadBase64AuthEntries() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config(
                "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + auth("alice:pa:ss") + "\"}}}"));

        assertThat(credentials.lookup("127.0.0.1:5000")).contains(new RegistryCredentials("alice", "pa:ss"));
        assertThat(credentials.lookup("127.0.0.1:5001")).isEmpty();
    }

    @Test
    void shouldReadUsernameAndPasswordEntries() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config(
                "{\"auths\":{\"registry.example\":{\"username\":\"bob\",\"password\":\"secret\"}}}"));

        assertThat(credentials.lookup("registry.example")).contains(new RegistryCredentials("bob", "secret"));
    }

    @Test
    void shouldMatchKeysWrittenWithSchemeAndPathAndDockerHubAliases() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config("{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hub:pw") + "\"},"
                + "\"http://Registry.Example:5000/v2/\":{\"auth\":\"" + auth("me:pw") + "\"}}}"));

        assertThat(credentials.lookup("docker.io")).contains(new RegistryCredentials("hub", "pw"));
        assertThat(credentials.lookup("registry.example:5000")).contains(new RegistryCredentials("me", "pw"));
    }

    @Test
    void shouldReportCredentialHelpersAsUnsupportedNamingTheHelper() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config(
                "{\"auths\":{},\"credHelpers\":{\"gcr.io\":\"gcloud\"}}"));

        assertThatThrownBy(() -> credentials.lookup("gcr.io"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(directory.resolve("config.json").toString())
                .hasMessageContaining("'gcr.io'")
                .hasMessageContaining("docker-credential-gcloud")
                .hasMessageContaining("does not run");
        assertThat(credentials.lookup("other.example")).isEmpty();
    }

    @Test
    void shouldReportCredentialsStoreAsUnsupportedUnlessAnEntryHasCredentials() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config("{\"credsStore\":\"desktop\","
                + "\"auths\":{\"a.example\":{},\"b.example\":{\"auth\":\"" + auth("u:p") + "\"}}}"));

        assertThatThrownBy(() -> credentials.lookup("a.example"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("docker-credential-desktop");
        assertThat(credentials.lookup("b.example")).contains(new RegistryCredentials("u", "p"));
    }

    @Test
    void shouldReportIdentityTokensAsUnsupported() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config(
                "{\"auths\":{\"acr.example\":{\"identitytoken\":\"opaque-refresh-token\"}}}"));

        assertThatThrownBy(() -> credentials.lookup("acr.example"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("identity token")
                .hasMessageNotContaining("opaque-refresh-token");
    }

    @Test
    void shouldRejectAuthThatIsNotBase64OfAPairWithoutShowingIt() throws IOException {
        Path notBase64 = config("{\"auths\":{\"r.example\":{\"auth\":\"%%%secret%%%\"}}}");
        assertThatThrownBy(() -> DockerConfigCredentials.from(notBase64))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("'r.example' is not valid base64")
                .hasMessageNotContaining("secret");

        Path noColon = config("{\"auths\":{\"r.example\":{\"auth\":\"" + auth("secretonly") + "\"}}}");
        assertThatThrownBy(() -> DockerConfigCredentials.from(noColon))
                .hasMessageContaining("must be base64 of 'username:password'")
                .hasMessageNotContaining("secretonly");
    }

    @Test
    void shouldRejectInvalidJsonGivingThePositionButNotTheContent() throws IOException {
        Path broken = config("{\"auths\":{\"r.example\":{\"password\":\"hunter2\" oops}}}");

        assertThatThrownBy(() -> DockerConfigCredentials.from(broken))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("not valid JSON (line 1, column")
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }

    @Test
    void shouldRejectAFileThatIsNotUtf8NamingItWithoutShowingTheContent() throws IOException {
        Path latin1 = directory.resolve("latin1.json");
        Files.write(latin1, "{\"auths\":{\"r.example\":{\"password\":\"hunter2\u00e9\"}}}"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> DockerConfigCredentials.from(latin1))
                .isInstanceOf(InputFileException.class)
                .hasMessage("docker config '" + latin1 + "' is not UTF-8 text");
    }

    @Test
    void shouldRejectAMissingExplicitFile() {
        Path missing = directory.resolve("absent.json");

        assertThatThrownBy(() -> DockerConfigCredentials.from(missing))
                .isInstanceOf(InputFileException.class)
                .hasMessage("docker config '" + missing + "' does not exist");
    }

    @Test
    void shouldRejectAuthsOfTheWrongTypeNamingTheFileWithoutShowingTheValue() throws IOException {
        Path file = config("{\"auths\":[\"hunter2\"]}");

        assertThatThrownBy(() -> DockerConfigCredentials.from(file))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("Docker config " + file + ": 'auths' must be an object of registries, found ARRAY");
        assertThatThrownBy(() -> DockerConfigCredentials.from(config("{\"auths\":{\"r.example\":\"hunter2\"}}")))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("Docker config " + file + ": the 'auths' entry of 'r.example' must be an object, found"
                        + " STRING");
    }

    @Test
    void shouldRejectAJsonArray() throws IOException {
        assertThatThrownBy(() -> DockerConfigCredentials.from(config("[]")))
                .hasMessageContaining("must hold a JSON object");
    }

    @Test
    void shouldReadDockerConfigDirectoryFromTheEnvironment() throws IOException {
        config("{\"auths\":{\"r.example\":{\"auth\":\"" + auth("env:pw") + "\"}}}");

        DockerConfigCredentials credentials = DockerConfigCredentials.fromEnvironment(
                Map.of("DOCKER_CONFIG", directory.toString()), directory.resolve("no-home"));

        assertThat(credentials.lookup("r.example")).contains(new RegistryCredentials("env", "pw"));
    }

    @Test
    void shouldReadTheHomeDirectoryConfigWithoutDockerConfig() throws IOException {
        Path dotDocker = Files.createDirectories(directory.resolve(".docker"));
        Files.writeString(dotDocker.resolve("config.json"), "{\"auths\":{\"h.example\":{\"auth\":\"" + auth("h:pw")
                + "\"}}}");

        assertThat(DockerConfigCredentials.fromEnvironment(Map.of(), directory).lookup("h.example"))
                .contains(new RegistryCredentials("h", "pw"));
    }

    @Test
    void shouldHaveNoCredentialsWhenTheDefaultFileIsMissing() {
        DockerConfigCredentials credentials = DockerConfigCredentials.fromEnvironment(Map.of(), directory);

        assertThat(credentials.lookup("docker.io")).isEmpty();
    }

    @Test
    void shouldNotShowPasswordsInToString() throws IOException {
        DockerConfigCredentials credentials = DockerConfigCredentials.from(config(
                "{\"auths\":{\"r.example\":{\"username\":\"u\",\"password\":\"hunter2\"}}}"));

        assertThat(credentials.toString()).contains("r.example").doesNotContain("hunter2");
    }
}
