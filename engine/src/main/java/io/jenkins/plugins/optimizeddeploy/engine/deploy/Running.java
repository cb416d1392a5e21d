package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service runs at the end of a release, as the platform said it: an {@link Image}, {@link Nothing} (there is
 * no such service), or {@link Unknown} when the platform could not be asked or named no valid image. Its text is what
 * the result's lines and fields show.
 */
public sealed interface Running {
    /** What {@link DeployTarget#running} said: the image, else nothing. */
    static Running of(Optional<ImageReference> image) {
        return image.<Running>map(Image::new).orElseGet(Nothing::new);
    }

    /** What the result's lines say the service runs: the image, {@code unknown (why)} or {@code nothing}. */
    @Override
    String toString();

    /** The service runs {@code image} (by digest when the platform knows it). */
    record Image(ImageReference image) implements Running {
        public Image {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public String toString() {
            return image.toString();
        }
    }

    /** The platform could not say what runs: {@code reason} says why. */
    record Unknown(String reason) implements Running {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "unknown (" + reason + ")";
        }
    }

    /** No such service runs. */
    record Nothing() implements Running {
        @Override
        public String toString() {
            return "nothing";
        }
    }
}
