package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Certificates are verified unless the user explicitly asks otherwise, and plain HTTP is never a way round. */
class RegistryClientTlsIT {
    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.tls();

    @Test
    void shouldRejectAnUntrustedCertificateWithoutFallingBackToPlainHttp() {
        ImageReference reference = ImageReference.parse(tls.pushBusyboxBase("tls/untrusted", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            assertThatThrownBy(() -> client.getManifest(reference))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.operation()).isEqualTo("ping registry " + tls.hostPort());
                        assertThat(e.status()).isZero();
                        assertThat(e.url()).isEqualTo("https://" + tls.hostPort() + "/v2/");
                    })
                    .hasMessageContaining("the registry's TLS certificate is not trusted")
                    .hasMessageContaining("caCertificate");
        }
    }

    @Test
    void shouldAcceptTheCertificateSignedByTheGivenCa() {
        ImageReference reference = ImageReference.parse(tls.pushBusyboxBase("tls/trusted", "1"));
        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(tls.caCertificate()).build(), CredentialsSource.anonymous())) {
            assertThat(client.getManifest(reference).digest().toString())
                    .isEqualTo(tls.manifest("tls/trusted", "1").digest());
        }
    }

    @Test
    void shouldRejectACertificateForAnotherHostWhateverVerifierTheJvmUsesByDefault() {
        String byName = "localhost:" + tls.hostPort().substring(tls.hostPort().indexOf(':') + 1);
        ImageReference reference = ImageReference.parse(byName + "/" + ImageReference.parse(
                tls.pushBusyboxBase("tls/other-host", "1")).repository() + ":1");
        try (RegistryClient client = new RegistryClient(
                RegistryOptions.builder().caCertificate(tls.caCertificate()).build(), CredentialsSource.anonymous())) {
            HostnameVerifier jvmDefault = HttpsURLConnection.getDefaultHostnameVerifier();
            HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
            try {
                assertThatThrownBy(() -> client.getManifest(reference))
                        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isZero())
                        .hasMessageContaining("https://" + byName + "/v2/")
                        .hasMessageContaining("the registry's TLS certificate is not trusted");
            } finally {
                HttpsURLConnection.setDefaultHostnameVerifier(jvmDefault);
            }
        }
    }

    @Test
    void shouldAcceptAnyCertificateOnlyWhenInsecureTlsIsChosen() {
        ImageReference reference = ImageReference.parse(tls.pushBusyboxBase("tls/insecure", "1"));
        try (RegistryClient client = new RegistryClient(RegistryOptions.builder().insecureTls(true).build(),
                CredentialsSource.anonymous())) {
            assertThat(client.headManifest(reference).digest().toString())
                    .isEqualTo(tls.manifest("tls/insecure", "1").digest());
        }
    }

    @Test
    void shouldNameACaFileThatHoldsNoCertificate(@TempDir Path directory) throws IOException {
        Path notPem = Files.writeString(directory.resolve("ca.pem"), "not a certificate");
        RegistryOptions options = RegistryOptions.builder().caCertificate(notPem).build();

        assertThatThrownBy(() -> new RegistryClient(options, CredentialsSource.anonymous()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(notPem.toString());
    }
}
