package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.io.Serializable;
import java.util.Objects;

/** What a registry says about a manifest without sending it: media type, digest and size in bytes. */
public record Descriptor(String mediaType, Digest digest, long size) implements Serializable {
    public Descriptor {
        Objects.requireNonNull(mediaType, "descriptor media type");
        Objects.requireNonNull(digest, "descriptor digest");
        if (size < 0) {
            throw new IllegalArgumentException("descriptor size of " + digest + " must not be negative, was " + size);
        }
    }
}
