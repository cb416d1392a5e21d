package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A registry that never ends an answer, or sends it a byte at a time just inside the read timeout, fails the request
 * within its deadline instead of holding it for as long as the registry likes.
 */
class HostileSlowAnswerTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"config\":{},\"layers\":[]}";
    private static final Duration BYTE_PAUSE = Duration.ofMillis(100);
    private static final RegistryOptions TWO_SECONDS = RegistryOptions.builder().maxRetries(0)
            .requestTimeout(Duration.ofSeconds(1)).requestDeadline(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(60) // without the cap the endless answer is read for good
    void shouldNotReadAnEndlessPingAnswerToItsEnd() {
        try (HostileRegistry registry = HostileRegistry.start(request -> request.path().equals("/v2/")
                        ? Answer.status(200).endless()
                        : Answer.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}"));
                RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                        CredentialsSource.anonymous())) {
            ImageReference image = ImageReference.parse(registry.registry() + "/team/web:1");

            assertThatThrownBy(() -> client.getManifest(image)).hasMessageContaining("HTTP 404");
        }
    }

    @Test
    @Timeout(20) // without the deadline the answer takes half a minute
    void shouldFailAManifestSentAByteAtATimeAtTheDeadline() {
        try (HostileRegistry registry = HostileRegistry.start(request -> request.path().equals("/v2/")
                        ? Answer.status(200)
                        : Answer.manifest("application/vnd.oci.image.manifest.v1+json", MANIFEST).trickled(BYTE_PAUSE));
                RegistryClient client = new RegistryClient(TWO_SECONDS, CredentialsSource.anonymous())) {
            ImageReference image = ImageReference.parse(registry.registry() + "/team/web:1");

            assertThatThrownBy(() -> client.getManifest(image))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("requestDeadline");
        }
    }

    @Test
    @Timeout(20) // without the deadline the answer takes half a minute
    void shouldFailATokenSentAByteAtATimeAtTheDeadline() {
        try (HostileRegistry registry = HostileRegistry.start(request -> request.path().equals("/token")
                        ? Answer.json(200, "{\"token\":\"" + "t".repeat(200) + "\"}").trickled(BYTE_PAUSE)
                        : Answer.status(401).header("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:"
                                + request.header("Host").orElseThrow().split(":")[1] + "/token\""));
                RegistryClient client = new RegistryClient(TWO_SECONDS, CredentialsSource.anonymous())) {
            ImageReference image = ImageReference.parse(registry.registry() + "/team/web:1");

            assertThatThrownBy(() -> client.getManifest(image))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("requestDeadline");
        }
    }
}
