package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.io.Serializable;
import java.util.Objects;

/** One layer of an image as its manifest lists it: digest, media type and compressed size in bytes. */
public record Layer(Digest digest, String mediaType, long compressedBytes) implements Serializable {
    public Layer {
        Objects.requireNonNull(digest, "layer digest");
        Objects.requireNonNull(mediaType, "media type of layer " + digest);
    }
}
