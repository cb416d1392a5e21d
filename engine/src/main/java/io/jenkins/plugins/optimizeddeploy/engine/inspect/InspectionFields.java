package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inspection as plain ordered maps, lists, strings and numbers: the one shape the command line's JSON and the
 * Pipeline step's returned value share, so a field has one name in both.
 */
public final class InspectionFields {

    private InspectionFields() {
    }

    /**
     * {@code reference}, {@code digest}, {@code mediaType} and {@code platforms}: per platform {@code platform},
     * {@code digest} (of its manifest), {@code compressedBytes} (config and layers), {@code layers} (each
     * {@code digest}, {@code mediaType}, {@code compressedBytes}), {@code created}, {@code user}, {@code healthcheck},
     * {@code exposedPorts}, {@code labels} and {@code provenance} (see {@link #provenance(Provenance)}).
     */
    public static Map<String, Object> of(ImageInspection inspection) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reference", inspection.reference().toString());
        result.put("digest", inspection.digest().toString());
        result.put("mediaType", inspection.mediaType());
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (PlatformImage platform : inspection.platforms()) {
            platforms.add(platform(platform));
        }
        result.put("platforms", platforms);
        return result;
    }

    /**
     * {@code missing} (empty, or why there is no provenance), {@code builderId}, {@code buildType}, {@code frontend},
     * {@code repository} and {@code commit} of the git checkout built, {@code buildArgs} (secret-looking values
     * redacted) and {@code materials}.
     */
    public static Map<String, Object> provenance(Provenance provenance) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("missing", provenance.missing());
        map.put("builderId", provenance.builderId());
        map.put("buildType", provenance.buildType());
        map.put("frontend", provenance.frontend());
        map.put("repository", provenance.source().repository());
        map.put("commit", provenance.source().commit());
        map.put("buildArgs", new LinkedHashMap<>(provenance.buildArgs()));
        map.put("materials", new ArrayList<>(provenance.materials()));
        return map;
    }

    private static Map<String, Object> platform(PlatformImage image) {
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("platform", image.platform());
        platform.put("digest", image.manifestDigest().toString());
        platform.put("compressedBytes", image.compressedBytes());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer layer : image.layers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("digest", layer.digest().toString());
            entry.put("mediaType", layer.mediaType());
            entry.put("compressedBytes", layer.compressedBytes());
            layers.add(entry);
        }
        platform.put("layers", layers);
        platform.put("created", image.created());
        platform.put("user", image.user());
        platform.put("healthcheck", new ArrayList<>(image.healthcheck()));
        platform.put("exposedPorts", new ArrayList<>(image.exposedPorts()));
        platform.put("labels", new LinkedHashMap<>(image.labels()));
        platform.put("provenance", provenance(image.provenance()));
        return platform;
    }
}
