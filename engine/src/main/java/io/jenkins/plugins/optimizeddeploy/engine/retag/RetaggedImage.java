package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.Serializable;
import java.util.List;

/** A source image, its manifest digest and media type, and the target tags that point at that digest now. */
public record RetaggedImage(ImageReference source, Digest digest, String mediaType, List<ImageReference> tags)
        implements Serializable {
    public RetaggedImage {
        tags = List.copyOf(tags);
    }
}
