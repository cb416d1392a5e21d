package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;

/**
 * Time a build spent on its cache: importing it (reading cache manifests, pulling cached layers) and exporting it
 * (preparing and pushing cache), in milliseconds, as measured from what the backend reported or the engine timed.
 */
public record CacheTimes(long importMillis, long exportMillis) implements Serializable {
    public static final CacheTimes NONE = new CacheTimes(0, 0);

    public CacheTimes {
        if (importMillis < 0 || exportMillis < 0) {
            throw new IllegalArgumentException("Cache times must not be negative, were import " + importMillis
                    + " ms and export " + exportMillis + " ms");
        }
    }

    public CacheTimes plus(CacheTimes other) {
        return new CacheTimes(importMillis + other.importMillis, exportMillis + other.exportMillis);
    }

    public CacheTimes plusExport(long millis) {
        return new CacheTimes(importMillis, exportMillis + millis);
    }
}
