package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/** A manifest as the registry sent it: its exact bytes (they define the digest), type and verified digest. */
public final class Manifest {
    private final ManifestMediaType mediaType;
    private final Digest digest;
    private final byte[] content;
    private final URI source;

    Manifest(ManifestMediaType mediaType, Digest digest, byte[] content, URI source) {
        this.mediaType = Objects.requireNonNull(mediaType, "manifest media type");
        this.digest = Objects.requireNonNull(digest, "manifest digest");
        this.content = content.clone();
        this.source = source;
    }

    /** Where it was fetched from, for error messages; not part of its identity. */
    URI source() {
        return source;
    }

    public ManifestMediaType mediaType() {
        return mediaType;
    }

    public Digest digest() {
        return digest;
    }

    /** A copy of the bytes. */
    public byte[] content() {
        return content.clone();
    }

    public long size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest that && mediaType == that.mediaType && digest.equals(that.digest)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, digest) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Manifest[" + mediaType.value() + ", " + digest + ", " + content.length + " bytes]";
    }
}
