package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.net.URI;

/**
 * Where an image's manifest is in its registry's API, {@code /v2/REPOSITORY/manifests/DIGEST}: the one address every
 * registry serves, for a link to an image (a registry's web UI, if it has one, is not known). Plain HTTP for a
 * loopback registry, as this client reaches one first; https for every other.
 */
public final class ManifestAddress {
    private ManifestAddress() {
    }

    /**
     * The manifest of {@code image} by its digest.
     *
     * @throws IllegalArgumentException naming the image when it has no digest
     */
    public static URI of(ImageReference image) {
        String digest = image.digest().orElseThrow(() -> new IllegalArgumentException(
                "The manifest address of " + image + " needs its digest"));
        String host = RegistryClient.apiHost(image.registry());
        return URI.create((Loopback.isLoopback(host) ? "http" : "https") + "://" + host + "/v2/" + image.repository()
                + "/manifests/" + digest);
    }
}
