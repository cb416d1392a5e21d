package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.DockerConfigCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An image built and pushed by the real docker engine reads back as it was written. */
class ImageInspectorDockerdIT {
    @RegisterExtension
    static final RegistryExtension basic = RegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    @Test
    void shouldReadUserHealthcheckPortsAndLabelsOfAnImagePushedByDocker(@TempDir Path context) throws IOException {
        String base = basic.pushBusyboxBase("dockerd/base", "1");
        String image = basic.hostPort() + "/dockerd/app:1";
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM " + base,
                "RUN echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd",
                "LABEL org.opencontainers.image.title=app team=platform",
                "EXPOSE 8080 9090/udp",
                "USER app",
                "HEALTHCHECK --interval=5s CMD wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1",
                ""));
        dockerd.dockerWithStdin(basic.password(), "login", "--username", basic.username(), "--password-stdin",
                basic.hostPort()).requireSuccess();
        dockerd.docker("build", "--network", "host", "--tag", image, context.toString()).requireSuccess();
        dockerd.docker("push", image).requireSuccess();
        CredentialsSource dockerLogin = DockerConfigCredentials.from(dockerd.dockerConfigDir().resolve("config.json"));

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), dockerLogin)) {
            ImageInspection inspection = new ImageInspector(client).inspect(ImageReference.parse(image));

            assertThat(inspection.digest()).hasToString(basic.manifest("dockerd/app", "1").digest());
            assertThat(inspection.platforms()).singleElement().satisfies(pushed -> {
                assertThat(pushed.platform()).isEqualTo("linux/amd64");
                assertThat(pushed.user()).isEqualTo("app");
                assertThat(pushed.healthcheck()).containsExactly("CMD-SHELL",
                        "wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1");
                assertThat(pushed.exposedPorts()).containsExactly("8080/tcp", "9090/udp");
                assertThat(pushed.labels())
                        .isEqualTo(Map.of("org.opencontainers.image.title", "app", "team", "platform"));
                assertThat(pushed.layers()).as("the busybox layer and the RUN layer").hasSize(2);
                assertThat(pushed.compressedBytes())
                        .isGreaterThan(pushed.layers().stream().mapToLong(Layer::compressedBytes).sum());
                assertThat(pushed.created()).isNotEmpty();
            });
            // dockerd's containerd image store pushes an index of the image and its provenance attestation,
            // which inspect leaves out of the platforms
            assertThat(inspection.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value());
        }
    }
}
