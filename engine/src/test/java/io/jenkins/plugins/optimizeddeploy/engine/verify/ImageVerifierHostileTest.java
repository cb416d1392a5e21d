package io.jenkins.plugins.optimizeddeploy.engine.verify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An image with nothing to check does not pass verification. */
class ImageVerifierHostileTest {
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String ATTESTATION_ONLY = "{\"schemaVersion\":2,\"mediaType\":\"" + INDEX + "\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
            + "0".repeat(64) + "\",\"size\":10,\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"}}]}";

    @Test
    void shouldNotPassAnIndexWithoutAPlatformImage() {
        try (HostileRegistry registry = HostileRegistry.start(request -> request.path().equals("/v2/")
                        ? Answer.status(200)
                        : Answer.manifest(INDEX, ATTESTATION_ONLY));
                RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                        CredentialsSource.anonymous())) {
            ImageReference image = ImageReference.parse(registry.registry() + "/team/web:1");
            ImageVerifier verifier = new ImageVerifier(new ImageInspector(client));

            assertThatThrownBy(() -> verifier.verify(List.of(image), FailureThreshold.NONE))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("leads to no platform image to check");
        }
    }
}
