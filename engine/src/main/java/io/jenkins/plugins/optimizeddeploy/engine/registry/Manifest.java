package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A manifest as the registry sent it: its exact bytes (they define the digest), type and verified digest. */
public final class Manifest {
    private final ManifestMediaType mediaType;
    private final Digest digest;
    private final byte[] content;
    private final URI source;

    public Manifest(ManifestMediaType mediaType, Digest digest, byte[] content, URI source) {
        this.mediaType = Objects.requireNonNull(mediaType, "manifest media type");
        this.digest = Objects.requireNonNull(digest, "manifest digest");
        this.content = content.clone();
        this.source = source;
    }

    /** Where it was fetched from, for error messages; not part of its identity. */
    public URI source() {
        return source;
    }

    public ManifestMediaType mediaType() {
        return mediaType;
    }

    public Digest digest() {
        return digest;
    }

    /** The bytes themselves, for sending; never handed out. */
    byte[] bytes() {
        return content;
    }

    /** A copy of the bytes. */
    public byte[] content() {
        return content.clone();
    }

    public long size() {
        return content.length;
    }

    /**
     * What this manifest refers to: for an index the manifests it lists (attestations included), for an image its
     * config and layers. Layers that registries do not store ({@code foreign} and {@code nondistributable} media
     * types, fetched from their {@code urls}) are left out.
     *
     * @throws RegistryException when the manifest is not valid JSON or a reference lacks a valid digest
     */
    public List<Descriptor> references() {
        JsonNode root;
        try {
            root = RegistryJson.reader().readTree(content);
        } catch (IOException e) {
            throw unreadable("it is not valid JSON: " + e.getMessage());
        }
        List<Descriptor> references = new ArrayList<>();
        if (mediaType.isIndex()) {
            root.path("manifests").forEach(child -> references.add(descriptor(child)));
            return references;
        }
        references.add(descriptor(root.path("config")));
        for (JsonNode layer : root.path("layers")) {
            String type = layer.path("mediaType").asText("");
            if (!type.contains("foreign") && !type.contains("nondistributable")) {
                references.add(descriptor(layer));
            }
        }
        return references;
    }

    private Descriptor descriptor(JsonNode node) {
        try {
            return new Descriptor(node.path("mediaType").asText(""), Digest.parse(node.path("digest").asText(null)),
                    node.path("size").asLong(0));
        } catch (InvalidReferenceException e) {
            throw unreadable("it lists a bad digest: " + e.getMessage());
        }
    }

    private RegistryException unreadable(String problem) {
        return new RegistryException("read manifest " + digest, 200, List.of(),
                source == null ? URI.create("about:manifest") : source, problem);
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
