package io.jenkins.plugins.optimizeddeploy.engine.cache;

import java.util.List;
import java.util.Objects;

/**
 * What reading a local cache folder gave: the images brought into the builder's storage (none when the folder holds
 * no cache yet or could not be read) and, when it could not be read, why; a local cache never fails a build.
 */
public record LocalCacheRead(List<String> images, String problem, long millis) {
    /** The cache source of a build that had neither a registry cache nor a local folder to read. */
    public static final String NO_CACHE = "none: no registry cache written yet and no local cache folder";

    public LocalCacheRead {
        images = List.copyOf(images);
        Objects.requireNonNull(problem, "problem (empty when none)");
    }

    public static LocalCacheRead empty() {
        return new LocalCacheRead(List.of(), "", 0);
    }

    public boolean loaded() {
        return !images.isEmpty();
    }

    /** For the result and the log: what was read from {@code folder}, or why nothing was. */
    public String describe(String folder) {
        if (!problem.isEmpty()) {
            return "none: " + folder + " could not be read (" + problem + ")";
        }
        return loaded() ? folder + " (" + images.size() + " cache images loaded)" : "none: " + folder + " holds no cache yet";
    }
}
