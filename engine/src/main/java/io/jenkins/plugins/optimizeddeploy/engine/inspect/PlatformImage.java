package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One platform's image, read from its manifest and config without downloading a layer.
 *
 * @param platform        {@code linux/amd64}, {@code linux/arm64/v8}
 * @param manifestDigest  the digest of this platform's manifest
 * @param compressedBytes bytes to pull: the config plus every compressed layer
 * @param layers          in manifest order (base first)
 * @param created         the config's creation time as recorded (RFC 3339), empty when it has none
 * @param user            the configured user, empty when unset (root)
 * @param healthcheck     the health check's test ({@code ["CMD-SHELL", "wget -q …"]}), empty when none
 * @param exposedPorts    {@code 8080/tcp}..., sorted
 * @param labels          sorted by name
 * @param provenance      what its provenance attestation says, or why it has none
 */
public record PlatformImage(String platform, Digest manifestDigest, long compressedBytes, List<Layer> layers,
        String created, String user, List<String> healthcheck, List<String> exposedPorts, Map<String, String> labels,
        Provenance provenance) implements Serializable {
    public PlatformImage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(manifestDigest, "manifest digest of " + platform);
        layers = List.copyOf(layers);
        created = Objects.requireNonNullElse(created, "");
        user = Objects.requireNonNullElse(user, "");
        healthcheck = List.copyOf(healthcheck);
        exposedPorts = exposedPorts.stream().sorted().toList();
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(provenance, "provenance of " + platform);
    }

    /**
     * The image of {@code platform} whose manifest has {@code manifestDigest}; every other part is named on the
     * builder.
     */
    public static Builder builder(String platform, Digest manifestDigest) {
        return new Builder(platform, manifestDigest);
    }

    /**
     * Names each part of an image as it is set: unset lists and labels are empty, created and user empty, the
     * size 0, and the provenance missing as not looked for.
     */
    public static final class Builder {
        private final String platform;
        private final Digest manifestDigest;
        private long compressedBytes;
        private List<Layer> layers = List.of();
        private String created = "";
        private String user = "";
        private List<String> healthcheck = List.of();
        private List<String> exposedPorts = List.of();
        private Map<String, String> labels = Map.of();
        private Provenance provenance = Provenance.missing("not looked for");

        private Builder(String platform, Digest manifestDigest) {
            this.platform = platform;
            this.manifestDigest = manifestDigest;
        }

        /** @param compressedBytes the config plus every compressed layer; {@code layers} base first */
        public Builder content(long compressedBytes, List<Layer> layers) {
            this.compressedBytes = compressedBytes;
            this.layers = layers;
            return this;
        }

        public Builder created(String created) {
            this.created = created;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder healthcheck(List<String> healthcheck) {
            this.healthcheck = healthcheck;
            return this;
        }

        public Builder exposedPorts(List<String> exposedPorts) {
            this.exposedPorts = exposedPorts;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        public PlatformImage build() {
            return new PlatformImage(platform, manifestDigest, compressedBytes, layers, created, user, healthcheck,
                    exposedPorts, labels, provenance);
        }
    }
}
