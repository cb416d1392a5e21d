package io.jenkins.plugins.optimizeddeploy.steps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image's size as the build keeps it, under the names every step records it with: {@code compressedBytes} (of
 * the first platform, as in the returned values, the command line's JSON and the metrics record) and, for an image
 * of several platforms, each platform's as {@code compressedBytes linux/arm64/v8}.
 */
public final class ImageSizeFigures {

    private ImageSizeFigures() {
    }

    /**
     * @param compressedBytes   the first platform's compressed bytes
     * @param bytesByPlatform   each platform's, in platform order
     * @return the figures, in a map the caller adds its own to
     */
    public static Map<String, Long> of(long compressedBytes, Map<String, Long> bytesByPlatform) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("compressedBytes", compressedBytes);
        if (bytesByPlatform.size() > 1) {
            bytesByPlatform.forEach((platform, bytes) -> figures.put("compressedBytes " + platform, bytes));
        }
        return figures;
    }
}
