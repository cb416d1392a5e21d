package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that sends its uploads to another server gets them there, but its credentials stay with it; an https
 * registry cannot send them to plain http on another host.
 */
class HostileUploadLocationTest {
    private static final RegistryCredentials CREDENTIALS = new RegistryCredentials("deployer", "s3cret-upload");
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("deployer:s3cret-upload".getBytes(StandardCharsets.UTF_8));
    private static final byte[] BLOB = "layer bytes".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.sha256Of(BLOB);

    @Test
    void shouldSendNoCredentialsToAnUploadLocationOnAnotherPort() {
        try (HostileRegistry elsewhere = HostileRegistry.start(request -> request.method().equals("PUT")
                        ? Answer.status(201).header("Docker-Content-Digest", DIGEST.toString())
                        : Answer.status(202));
                HostileRegistry registry = HostileRegistry.start(request -> answer(request, elsewhere));
                RegistryClient client = new RegistryClient(RegistryOptions.builder().maxRetries(0).build(),
                        registryHost -> Optional.of(CREDENTIALS))) {
            ImageReference source = ImageReference.parse(registry.registry() + "/team/source:1");
            ImageReference target = ImageReference.parse(registry.registry() + "/team/target:1");

            long copied = client.copyBlob(source, target, new Descriptor("application/octet-stream", DIGEST,
                    BLOB.length));
            boolean mounted = client.mountBlob(target, DIGEST, source);

            assertThat(copied).isEqualTo(BLOB.length);
            assertThat(mounted).isFalse();
            assertThat(elsewhere.requests()).extracting(Request::method).containsExactly("PUT", "DELETE");
            assertThat(elsewhere.requests()).allSatisfy(request ->
                    assertThat(request.header("Authorization")).as(request.method() + " " + request.target())
                            .isEmpty());
            assertThat(registry.requests()).filteredOn(request -> request.path().startsWith("/v2/team/"))
                    .allSatisfy(request -> assertThat(request.header("Authorization")).contains(BASIC));
        }
    }

    @Test
    void shouldRefuseAnUploadSentFromHttpsToPlainHttpOnAnotherHost(@TempDir Path folder) {
        Descriptor blob = new Descriptor("application/octet-stream", DIGEST, BLOB.length);
        try (HostileRegistry registry = HostileRegistry.startTls(request -> request.method().equals("POST")
                        ? Answer.status(202).header("Location", "http://uploads.example.invalid/upload/1")
                        : answer(request, null), folder);
                RegistryClient client = new RegistryClient(RegistryOptions.builder().maxRetries(0)
                        .caCertificate(registry.caCertificate()).build(), registryHost -> Optional.of(CREDENTIALS))) {
            ImageReference source = ImageReference.parse(registry.registry() + "/team/source:1");
            ImageReference target = ImageReference.parse(registry.registry() + "/team/target:1");

            assertThatThrownBy(() -> client.copyBlob(source, target, blob))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("from https to plain http, which is refused")
                    .hasMessageNotContaining(CREDENTIALS.password());
        }
    }

    /** A registry asking for basic credentials that starts every upload at {@code elsewhere}. */
    private static Answer answer(Request request, HostileRegistry elsewhere) {
        if (!request.header("Authorization").equals(Optional.of(BASIC))) {
            return Answer.status(401).header("WWW-Authenticate", "Basic realm=\"hostile\"");
        }
        if (request.method().equals("POST")) {
            return Answer.status(202).header("Location", elsewhere.url("/upload/1?state=x").toString());
        }
        if (request.method().equals("GET") && request.path().equals("/v2/team/source/blobs/" + DIGEST)) {
            return Answer.status(200).body(BLOB);
        }
        return request.path().equals("/v2/") ? Answer.status(200) : Answer.status(404);
    }
}
