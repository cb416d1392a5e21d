package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The manifest formats this client reads: Docker v2 schema 2 and OCI, single-platform and multi-platform. */
public enum ManifestMediaType {
    DOCKER_MANIFEST("application/vnd.docker.distribution.manifest.v2+json", false),
    DOCKER_MANIFEST_LIST("application/vnd.docker.distribution.manifest.list.v2+json", true),
    OCI_MANIFEST("application/vnd.oci.image.manifest.v1+json", false),
    OCI_INDEX("application/vnd.oci.image.index.v1+json", true);

    private final String value;
    private final boolean index;

    ManifestMediaType(String value, boolean index) {
        this.value = value;
        this.index = index;
    }

    /** The media type string, e.g. {@code application/vnd.oci.image.index.v1+json}. */
    public String value() {
        return value;
    }

    /** Whether this is a list of per-platform manifests rather than one image. */
    public boolean isIndex() {
        return index;
    }

    /** The type named by {@code mediaType} (parameters such as {@code ; charset=utf-8} ignored), if supported. */
    public static Optional<ManifestMediaType> of(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        int parameters = mediaType.indexOf(';');
        String bare = (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip();
        return Arrays.stream(values()).filter(type -> type.value.equalsIgnoreCase(bare)).findFirst();
    }

    /** Every supported type, comma separated: an {@code Accept} header, and the list errors show. */
    static String allValues() {
        return Arrays.stream(values()).map(ManifestMediaType::value).collect(Collectors.joining(", "));
    }
}
