package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryExtensionIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();
    @RegisterExtension
    static final RegistryExtension basicAuth = RegistryExtension.basicAuth();
    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.tls();
    @RegisterExtension
    static final RegistryExtension tokenAuth = RegistryExtension.tokenAuth();

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<RegistryExtension> registries() {
        return Stream.of(plain, basicAuth, tls, tokenAuth);
    }

    @Test
    void shouldAnswerPlainApiVersionCheckAnonymously() throws Exception {
        HttpResponse<String> response = get(plain.httpClient(), plain.baseUrl().resolve("/v2/"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(plain.baseUrl()).hasToString("http://" + plain.hostPort() + "/");
        assertThat(plain.hostPort()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void shouldRequireBasicCredentials() throws Exception {
        URI versionCheck = basicAuth.baseUrl().resolve("/v2/");

        HttpResponse<String> anonymous = get(basicAuth.httpClient(), versionCheck, null);
        HttpResponse<String> wrongPassword = get(basicAuth.httpClient(), versionCheck,
                basic(basicAuth.username(), "not-" + basicAuth.password()));
        HttpResponse<String> authenticated = get(basicAuth.httpClient(), versionCheck,
                basic(basicAuth.username(), basicAuth.password()));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm="));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(authenticated.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTlsThatVerifiesWithTheGeneratedCertificate() throws Exception {
        HttpResponse<String> verified = get(tls.httpClient(), tls.baseUrl().resolve("/v2/"), null);

        assertThat(tls.baseUrl()).hasToString("https://" + tls.hostPort() + "/");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(tls.caCertificate()).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(tls.caCertificateDirectory()).isDirectoryContaining(path -> path.endsWith("ca.crt"));
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), tls.baseUrl().resolve("/v2/"), null))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldIssueBearerTokensTheRegistryAccepts() throws Exception {
        URI versionCheck = tokenAuth.baseUrl().resolve("/v2/");

        HttpResponse<String> anonymous = get(tokenAuth.httpClient(), versionCheck, null);
        String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElseThrow();
        String realm = challenge.replaceFirst("^Bearer realm=\"([^\"]+)\".*$", "$1");
        URI tokenUrl = URI.create(realm + "?service=" + encode(TokenServer.SERVICE)
                + "&scope=" + encode("repository:token-check/app:pull"));
        HttpResponse<String> refused = get(tokenAuth.httpClient(), tokenUrl,
                basic(tokenAuth.username(), "not-" + tokenAuth.password()));
        HttpResponse<String> issued = get(tokenAuth.httpClient(), tokenUrl,
                basic(tokenAuth.username(), tokenAuth.password()));
        String token = JSON.readTree(issued.body()).get("token").asText();
        HttpResponse<String> authenticated = get(tokenAuth.httpClient(), versionCheck, "Bearer " + token);
        HttpResponse<String> forged = get(tokenAuth.httpClient(), versionCheck, "Bearer " + token + "x");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(challenge).startsWith("Bearer realm=\"https://127.0.0.1:")
                .contains("service=\"" + TokenServer.SERVICE + "\"");
        assertThat(tokenAuth.baseUrl()).hasToString("http://" + tokenAuth.hostPort() + "/");
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), tokenUrl, null))
                .as("the token server's certificate is trusted only as caCertificate()")
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(authenticated.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("registries")
    void shouldPushBusyboxBaseWhoseManifestIsRetrievable(RegistryExtension registry) throws Exception {
        String reference = registry.pushBusyboxBase("base/busybox", "latest");

        RegistryManifest manifest = registry.manifest("base/busybox", "latest");
        JsonNode content = JSON.readTree(manifest.content());
        assertThat(reference).isEqualTo(registry.hostPort() + "/base/busybox:latest");
        assertThat(manifest.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(manifest.digest()).isEqualTo(Blob.sha256(manifest.content().getBytes(StandardCharsets.UTF_8)));
        assertThat(content.get("config").get("mediaType").asText())
                .isEqualTo("application/vnd.docker.container.image.v1+json");
        assertThat(content.get("layers")).hasSize(1);
        assertThat(registry.manifest("base/busybox", manifest.digest())).isEqualTo(manifest);
    }

    @ParameterizedTest
    @MethodSource("registries")
    void shouldPushMultiPlatformIndex(RegistryExtension registry) throws Exception {
        String reference = registry.pushBusyboxIndex("base/busybox-multi", "latest");

        RegistryManifest index = registry.manifest("base/busybox-multi", "latest");
        JsonNode manifests = JSON.readTree(index.content()).get("manifests");
        assertThat(reference).isEqualTo(registry.hostPort() + "/base/busybox-multi:latest");
        assertThat(index.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(manifests).extracting(manifest -> manifest.get("platform").get("architecture").asText())
                .containsExactly("amd64", "arm64");
        assertThat(registry.manifest("base/busybox-multi", manifests.get(1).get("digest").asText()).mediaType())
                .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    }

    @Test
    void shouldRefuseCredentialsOfAnonymousRegistry() {
        assertThatThrownBy(plain::username).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("anonymous");
        assertThatThrownBy(plain::caCertificate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plain HTTP");
    }

    private static HttpResponse<String> get(HttpClient client, URI url, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
