package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value {@code inspectImage} returns to the Pipeline script: plain maps, lists, strings and numbers, which the
 * script can read without approval and which Pipeline can persist between steps.
 */
final class ImageInspectionMap {

    private ImageInspectionMap() {
    }

    /**
     * {@code reference}, {@code digest}, {@code mediaType} and {@code platforms}: per platform {@code platform},
     * {@code digest}, {@code compressedBytes} (bytes), {@code layers} (count), {@code created}, {@code user},
     * {@code healthcheck}, {@code exposedPorts} and {@code labels}.
     */
    static Map<String, Object> from(ImageInspection inspection) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reference", inspection.reference());
        result.put("digest", inspection.digest());
        result.put("mediaType", inspection.mediaType());
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (PlatformImage platform : inspection.platforms()) {
            platforms.add(platform(platform));
        }
        result.put("platforms", platforms);
        return result;
    }

    private static Map<String, Object> platform(PlatformImage image) {
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("platform", image.platform());
        platform.put("digest", image.manifestDigest());
        platform.put("compressedBytes", image.compressedBytes());
        platform.put("layers", image.layers().size());
        platform.put("created", image.created());
        platform.put("user", image.user());
        platform.put("healthcheck", new ArrayList<>(image.healthcheck()));
        platform.put("exposedPorts", new ArrayList<>(image.exposedPorts()));
        platform.put("labels", new LinkedHashMap<>(image.labels()));
        return platform;
    }
}
