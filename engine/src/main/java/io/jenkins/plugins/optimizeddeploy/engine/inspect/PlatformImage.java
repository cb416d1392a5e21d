package io.jenkins.plugins.optimizeddeploy.engine.inspect;

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
public record PlatformImage(String platform, String manifestDigest, long compressedBytes, List<Layer> layers,
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

    /** An image whose provenance was not looked for. */
    public PlatformImage(String platform, String manifestDigest, long compressedBytes, List<Layer> layers,
            String created, String user, List<String> healthcheck, List<String> exposedPorts,
            Map<String, String> labels) {
        this(platform, manifestDigest, compressedBytes, layers, created, user, healthcheck, exposedPorts, labels,
                Provenance.missing("not looked for"));
    }
}
