package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;

/**
 * An image as a platform names it. Platforms such as Kubernetes and CapRover keep whatever text they were given; one
 * that is no image reference is the platform's state, not the user's input, so it fails the deploy and says whose
 * image it is.
 */
final class PlatformImage {
    private PlatformImage() {
    }

    /**
     * @param whose what runs the image and where, e.g. {@code deployment web on https://k8s.example/}
     * @throws DeployException when {@code text} is no image reference
     */
    static ImageReference parse(String text, String whose) {
        try {
            return ImageReference.parse(text);
        } catch (InvalidReferenceException e) {
            throw new DeployException(whose + " names no valid image: " + e.getMessage(), e);
        }
    }
}
