package io.jenkins.plugins.optimizeddeploy.engine.retag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Manifest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RepositoryAccess;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.FaultPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Images with distinct digests in a real registry, and direct reads of where tags point. */
final class RetagFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetagFixtures() {
    }

    /** Options that retry quickly and give up on a stalled request after a second. */
    static RegistryOptions quickOptions() {
        return RegistryOptions.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(40)).requestTimeout(Duration.ofSeconds(1)).build();
    }

    /**
     * Writes the image {@code base} names again under {@code tag} with an annotation {@code release=label}, so it
     * has a digest of its own (the busybox base is the same in every repository), and returns that digest.
     */
    static Digest variant(RegistryClient client, ImageReference base, String label, String tag) {
        Manifest manifest = client.getManifest(base);
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(manifest.content());
            document.putObject("annotations").put("release", label);
            byte[] content = JSON.writeValueAsBytes(document);
            Manifest changed = new Manifest(manifest.mediaType(), Digest.sha256Of(content), content, null);
            return client.putManifest(base.withTag(tag), changed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite the manifest of " + base, e);
        }
    }

    /**
     * Answers 503 to the first attempt and both retries ({@link #quickOptions()}) of the PUT of {@code tag}
     * ({@code repository:tag}), so that it fails, and to nothing else.
     */
    static FaultPlan failingPutOf(String tag) {
        String put = "PUT /v2/" + tag.replace(":", "/manifests/");
        AtomicInteger attempts = new AtomicInteger();
        return (number, request) -> request.startsWith(put) && attempts.getAndIncrement() < 3 ? Fault.STATUS_503
                : Fault.NONE;
    }

    /** Where {@code tag} points, read straight from the registry; empty when it does not exist. */
    static Optional<String> digestOf(RegistryClient client, ImageReference tag) {
        return client.findManifest(tag, RepositoryAccess.PULL).map(descriptor -> descriptor.digest().toString());
    }

    static List<String> references(List<ImageReference> images) {
        return images.stream().map(ImageReference::toString).toList();
    }
}
