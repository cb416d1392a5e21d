package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;

/**
 * Pins images to digests before they go live: a tag is asked of its registry (a HEAD, nothing is pulled), so what a
 * target runs is exactly what was built and retagged, whatever the tag points at later.
 */
public final class DigestResolver {
    private final RegistryClient registry;

    public DigestResolver(RegistryClient registry) {
        this.registry = registry;
    }

    /**
     * {@code registry/repository@sha256:...}: the digest {@code image} pins, else the one its tag points at now.
     *
     * @throws io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException when the tag cannot be read
     */
    public ImageReference resolve(ImageReference image) {
        String digest = image.digest().orElseGet(() -> registry.headManifest(image).digest().toString());
        return ImageReference.parse(image.name() + "@" + digest);
    }
}
