package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import io.jenkins.plugins.optimizeddeploy.engine.image.Platform;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Manifest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what an image is from its manifests and configs: per platform its size, layers, user, health check,
 * ports and labels. No image layer is downloaded. For an index every platform manifest is read; attestation manifests
 * (platform {@code unknown/unknown}, or annotated {@code vnd.docker.reference.type=attestation-manifest}) are left
 * out of the platforms, as they are no runnable image: {@link #inspect} reads the SLSA provenance statement of the
 * one that names a platform's manifest ({@code vnd.docker.reference.digest}) as that platform's {@link Provenance}. Indexes may hold indexes, {@value #MAX_INDEX_DEPTH} levels deep at most; a
 * manifest listed twice is read once, and at most {@value #MAX_MANIFESTS} manifests are read below the one named.
 */
public final class ImageInspector {
    /** Image configs are a few kilobytes; this only guards against a registry sending something else. */
    private static final long CONFIG_LIMIT = 8L * 1024 * 1024;
    /** A mode=max provenance statement holds the Dockerfile and the build graph: tens of kilobytes, rarely more. */
    private static final long STATEMENT_LIMIT = 16L * 1024 * 1024;
    /** How deep indexes may be nested below the one named: images use one index, OCI allows more. */
    static final int MAX_INDEX_DEPTH = 4;
    /** Manifests read below the one named: a multi-platform image has a few dozen at most. */
    static final int MAX_MANIFESTS = 128;
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    private static final String REFERENCE_DIGEST = "vnd.docker.reference.digest";
    private static final String PREDICATE_TYPE = "in-toto.io/predicate-type";
    private static final String UNKNOWN = "unknown";

    private final RegistryClient client;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ImageInspector(RegistryClient client) {
        this.client = Objects.requireNonNull(client, "registry client");
    }

    /**
     * @throws RegistryException when the registry fails, or sends a manifest or config that cannot be read
     */
    public ImageInspection inspect(ImageReference reference) {
        Manifest manifest = client.getManifest(reference);
        List<PlatformImage> platforms = new ArrayList<>();
        forEachPlatform(reference, manifest, (platformManifest, document, declared, attestation) ->
                platforms.add(platformImage(reference, platformManifest, document, declared,
                        provenance(reference, attestation))));
        return new ImageInspection(reference, manifest.digest(), manifest.mediaType().value(),
                platforms);
    }

    /**
     * Each platform's config with its environment and history, for checking what the image runs with and how it was
     * made. Reads the same documents as {@link #inspect}; no layer is downloaded.
     *
     * @throws RegistryException when the registry fails, sends a manifest or config that cannot be read, or the
     *                           image has no platform to check (an index listing only attestations, or nothing)
     */
    public List<ImageConfig> readConfigs(ImageReference reference) {
        List<ImageConfig> configs = new ArrayList<>();
        Manifest top = client.getManifest(reference);
        forEachPlatform(reference, top, (manifest, document, declared, attestation) -> {
            ImageConfigDocument image = config(reference, manifest, document);
            ContainerConfigDocument container = image.containerOrEmpty();
            configs.add(new ImageConfig(platform(reference, manifest, image, declared), container.user(),
                    container.healthcheckTest(), container.env() == null ? List.of() : container.env(),
                    container.labels() == null ? Map.of() : container.labels(), container.exposedPortList(),
                    image.history() == null ? List.of()
                            : image.history().stream()
                                    .map(entry -> Objects.requireNonNullElse(entry.createdBy(), "")).toList()));
        });
        if (configs.isEmpty()) {
            throw unreadable(reference, top, "manifest " + top.digest() + " leads to no platform image to check");
        }
        return configs;
    }

    private interface PlatformVisitor {
        /** @param attestation the digest of the platform's attestation manifest, null when it has none */
        void visit(Manifest manifest, ManifestDocument document, PlatformDocument declared, Digest attestation);
    }

    /** Visits every platform image {@code top} leads to, each once. */
    private void forEachPlatform(ImageReference reference, Manifest top, PlatformVisitor visitor) {
        Set<Digest> seen = new HashSet<>(Set.of(top.digest()));
        forEachPlatform(reference, top, null, null, 0, seen, visitor);
    }

    private void forEachPlatform(ImageReference reference, Manifest manifest, PlatformDocument declared,
            Digest attestation, int depth, Set<Digest> seen, PlatformVisitor visitor) {
        ManifestDocument document = read(reference, manifest, ManifestDocument.class,
                "manifest " + manifest.digest(), manifest.content());
        if (!manifest.mediaType().isIndex()) {
            visitor.visit(manifest, document, declared, attestation);
            return;
        }
        if (depth > MAX_INDEX_DEPTH) {
            throw unreadable(reference, manifest, "indexes are nested more than " + MAX_INDEX_DEPTH + " deep");
        }
        Map<String, Digest> attestations = new HashMap<>();
        for (DescriptorDocument child : document.manifestsOrEmpty()) {
            if (child.isAttestation() && child.annotations() != null && child.annotations().get(REFERENCE_DIGEST) != null) {
                attestations.put(child.annotations().get(REFERENCE_DIGEST), requireDigest(reference, manifest, child.digest()));
            }
        }
        for (DescriptorDocument child : document.manifestsOrEmpty()) {
            if (child.isAttestation()) {
                continue;
            }
            Digest digest = requireDigest(reference, manifest, child.digest());
            if (!seen.add(digest)) {
                continue;
            }
            if (seen.size() > MAX_MANIFESTS + 1) {
                throw unreadable(reference, manifest, "the image lists more than " + MAX_MANIFESTS + " manifests");
            }
            Manifest read = client.getManifest(reference.withDigest(digest.toString()));
            forEachPlatform(reference, read, child.platform(), attestations.get(child.digest()), depth + 1, seen,
                    visitor);
        }
    }

    private ImageConfigDocument config(ImageReference reference, Manifest manifest, ManifestDocument document) {
        DescriptorDocument config = document.config();
        if (config == null) {
            throw unreadable(reference, manifest, "manifest " + manifest.digest() + " has no config");
        }
        Digest configDigest = requireDigest(reference, manifest, config.digest());
        return read(reference, manifest, ImageConfigDocument.class, "config " + configDigest,
                client.getBlob(reference, configDigest, CONFIG_LIMIT));
    }

    /** The provenance statement of an attestation manifest; what is missing when there is none. */
    private Provenance provenance(ImageReference reference, Digest attestation) {
        if (attestation == null) {
            return Provenance.missing("the image carries no provenance attestation");
        }
        Manifest manifest = client.getManifest(reference.withDigest(attestation.toString()));
        ManifestDocument document = read(reference, manifest, ManifestDocument.class,
                "attestation manifest " + attestation, manifest.content());
        for (DescriptorDocument layer : document.layersOrEmpty()) {
            if (ProvenanceStatement.IN_TOTO.equals(layer.mediaType()) && layer.annotations() != null
                    && ProvenanceStatement.PREDICATE_TYPES.contains(layer.annotations().get(PREDICATE_TYPE))) {
                Digest statement = requireDigest(reference, manifest, layer.digest());
                try {
                    return ProvenanceStatement.parse(client.getBlob(reference, statement, STATEMENT_LIMIT));
                } catch (IOException e) {
                    throw unreadable(reference, manifest, "provenance statement " + statement + " cannot be read: "
                            + e.getMessage());
                }
            }
        }
        return Provenance.missing("its attestation " + attestation + " holds no " + ProvenanceStatement.SLSA_V02
                + " or " + ProvenanceStatement.SLSA_V1 + " statement");
    }

    private PlatformImage platformImage(ImageReference reference, Manifest manifest, ManifestDocument document,
            PlatformDocument declared, Provenance provenance) {
        DescriptorDocument config = document.config();
        ImageConfigDocument image = config(reference, manifest, document);
        List<Layer> layers = new ArrayList<>();
        long size = config.size();
        for (DescriptorDocument layer : document.layersOrEmpty()) {
            layers.add(new Layer(requireDigest(reference, manifest, layer.digest()),
                    Objects.requireNonNullElse(layer.mediaType(), ""), layer.size()));
            size += layer.size();
        }
        ContainerConfigDocument container = image.containerOrEmpty();
        return PlatformImage.builder(platform(reference, manifest, image, declared), manifest.digest())
                .content(size, layers)
                .created(image.created())
                .user(container.user())
                .healthcheck(container.healthcheckTest())
                .exposedPorts(container.exposedPortList())
                .labels(container.labels() == null ? Map.of() : container.labels())
                .provenance(provenance)
                .build();
    }

    /** The config's platform, which describes the image itself; the index's entry when the config has none. */
    private static String platform(ImageReference reference, Manifest manifest, ImageConfigDocument image,
            PlatformDocument declared) {
        try {
            if (image.os() != null && image.architecture() != null) {
                return Platform.of(image.os(), image.architecture(), image.variant()).toString();
            }
            if (declared != null && declared.os() != null && declared.architecture() != null) {
                return Platform.of(declared.os(), declared.architecture(), declared.variant()).toString();
            }
        } catch (InvalidReferenceException e) {
            throw unreadable(reference, manifest, "the image of manifest " + manifest.digest() + " names a bad"
                    + " platform: " + e.getMessage());
        }
        return UNKNOWN + "/" + UNKNOWN;
    }

    private static Digest requireDigest(ImageReference reference, Manifest manifest, String digest) {
        try {
            return Digest.parse(digest);
        } catch (InvalidReferenceException e) {
            throw unreadable(reference, manifest, "manifest " + manifest.digest() + " lists a bad digest: "
                    + e.getMessage());
        }
    }

    private <T> T read(ImageReference reference, Manifest manifest, Class<T> type, String what, byte[] content) {
        try {
            T document = json.readValue(content, type);
            if (document == null) {
                throw unreadable(reference, manifest, what + " is empty");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw unreadable(reference, manifest, what + " is not valid JSON of its kind: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(reference, manifest, what + " cannot be read: " + e.getMessage());
        }
    }

    private static RegistryException unreadable(ImageReference reference, Manifest manifest, String problem) {
        return new RegistryException("inspect " + reference, 200, List.of(), manifest.source(), problem);
    }

    private record ManifestDocument(String mediaType, DescriptorDocument config, List<DescriptorDocument> layers,
            List<DescriptorDocument> manifests) {
        List<DescriptorDocument> layersOrEmpty() {
            return layers == null ? List.of() : layers;
        }

        List<DescriptorDocument> manifestsOrEmpty() {
            return manifests == null ? List.of() : manifests;
        }
    }

    private record DescriptorDocument(String mediaType, String digest, long size, PlatformDocument platform,
            Map<String, String> annotations) {
        boolean isAttestation() {
            boolean annotated = annotations != null && "attestation-manifest".equals(annotations.get(REFERENCE_TYPE));
            boolean unknownPlatform = platform != null && UNKNOWN.equals(platform.os())
                    && UNKNOWN.equals(platform.architecture());
            return annotated || unknownPlatform;
        }
    }

    private record PlatformDocument(String os, String architecture, String variant) {
    }

    private record ImageConfigDocument(String os, String architecture, String variant, String created,
            ContainerConfigDocument config, List<HistoryDocument> history) {
        ContainerConfigDocument containerOrEmpty() {
            return config == null ? ContainerConfigDocument.EMPTY : config;
        }
    }

    private record HistoryDocument(@JsonProperty("created_by") String createdBy) {
    }

    private record ContainerConfigDocument(@JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("Healthcheck") HealthcheckDocument healthcheck,
            @JsonProperty("Env") List<String> env) {
        static final ContainerConfigDocument EMPTY = new ContainerConfigDocument("", null, null, null, null);

        List<String> healthcheckTest() {
            return healthcheck == null ? List.of() : Objects.requireNonNullElse(healthcheck.test(), List.of());
        }

        List<String> exposedPortList() {
            return exposedPorts == null ? List.of() : List.copyOf(exposedPorts.keySet());
        }
    }

    private record HealthcheckDocument(@JsonProperty("Test") List<String> test) {
    }
}
