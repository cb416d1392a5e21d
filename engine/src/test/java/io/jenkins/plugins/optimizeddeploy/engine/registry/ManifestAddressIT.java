package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestAddressIT {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "registry.example.com:5000/team/web:1, https://registry.example.com:5000/v2/team/web/manifests/",
        "nginx, https://registry-1.docker.io/v2/library/nginx/manifests/",
        "localhost:5000/web, http://localhost:5000/v2/web/manifests/",
        "[::1]:5000/team/web, http://[::1]:5000/v2/team/web/manifests/"})
    void shouldAddressTheManifestInTheRegistrysApiOverHttpOnlyOnLoopback(String image, String address) {
        assertThat(ManifestAddress.of(ImageReference.parse(image).withDigest(DIGEST)))
                .hasToString(address + DIGEST);
    }

    @Test
    void shouldAddressAManifestTheRegistryServes() throws IOException, InterruptedException {
        String pushed = registry.pushBusyboxBase("links/busybox", "1");
        String digest = registry.manifest("links/busybox", "1").digest();

        HttpResponse<String> served = registry.httpClient().send(HttpRequest.newBuilder(
                ManifestAddress.of(ImageReference.parse(pushed).withDigest(digest)))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    }

    @Test
    void shouldNameTheImageWithoutADigest() {
        assertThatThrownBy(() -> ManifestAddress.of(ImageReference.parse("registry.example.com/team/web:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The manifest address of registry.example.com/team/web:1 needs its digest");
    }
}
