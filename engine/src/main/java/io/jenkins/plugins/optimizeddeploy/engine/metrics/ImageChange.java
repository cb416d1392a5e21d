package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import java.util.Objects;

/**
 * One image of this run against the earlier one.
 *
 * @param image  the target or service name
 * @param kind   whether it is new, gone, or in both
 * @param size   compressed size (0 on the side that has no such image)
 * @param layers layer count (0 on the side that has no such image)
 * @param digestChanged whether the digest differs (always true when added or removed)
 */
public record ImageChange(String image, Kind kind, Delta size, Delta layers, boolean digestChanged) {
    /** Whether an image is new in this run, gone from it, or in both. */
    public enum Kind { ADDED, REMOVED, KEPT }

    public ImageChange {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kind, "kind of " + image);
    }
}
