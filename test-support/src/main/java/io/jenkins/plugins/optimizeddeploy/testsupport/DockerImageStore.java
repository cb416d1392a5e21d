package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.util.List;

/**
 * Where a private dockerd keeps its images. The containerd store is what buildx's default {@code docker} driver
 * needs to export a registry cache; the classic store is what a dockerd before 24 (or one left at its default) has.
 */
public enum DockerImageStore {
    /** {@code daemon.json} {@code {"features":{"containerd-snapshotter":true}}}: containerd's snapshotters. */
    CONTAINERD("{\"features\":{\"containerd-snapshotter\":true}}\n", List.of("overlayfs", "native")),
    /** dockerd's own graph drivers, as docker 20.10 had them. */
    CLASSIC("{}\n", List.of("overlay2", "vfs"));

    private final String daemonJson;
    private final List<String> storageDrivers;

    DockerImageStore(String daemonJson, List<String> storageDrivers) {
        this.daemonJson = daemonJson;
        this.storageDrivers = storageDrivers;
    }

    String daemonJson() {
        return daemonJson;
    }

    /** The storage drivers to try, the copying one last: it works everywhere but copies every layer. */
    List<String> storageDrivers() {
        return storageDrivers;
    }
}
