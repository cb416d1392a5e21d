package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a registry holds for an image reference.
 *
 * @param reference the canonical reference inspected ({@code 127.0.0.1:5000/app:1})
 * @param digest    the digest of the manifest or index the reference resolves to
 * @param mediaType that manifest's or index's media type
 * @param platforms one entry per platform image; a single-platform image has one; attestations are left out
 */
public record ImageInspection(ImageReference reference, Digest digest, String mediaType, List<PlatformImage> platforms)
        implements Serializable {
    public ImageInspection {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(digest, "digest of " + reference);
        Objects.requireNonNull(mediaType, "media type of " + reference);
        platforms = List.copyOf(platforms);
    }

    /** The first platform image's compressed size (the only one of a single-platform image), 0 when there is none. */
    public long firstCompressedBytes() {
        return platforms.isEmpty() ? 0 : platforms.get(0).compressedBytes();
    }

    /** The first platform image's provenance (the only one of a single-platform image). */
    public Provenance firstProvenance() {
        return platforms.isEmpty() ? Provenance.missing("the image has no platform image") : platforms.get(0).provenance();
    }

    /** Each platform ({@code linux/arm64/v8}) with its compressed size, in the index's order. */
    public Map<String, Long> compressedSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        platforms.forEach(image -> sizes.put(image.platform(), image.compressedBytes()));
        return Collections.unmodifiableMap(sizes);
    }
}
