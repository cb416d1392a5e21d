package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/**
 * DL3040: dnf and microdnf keep their package cache in the layer unless {@code dnf clean all} follows the install
 * or upgrade (or the cache is a cache or tmpfs mount).
 */
final class DnfCleanAll extends CleanAfterInstallRule {

    DnfCleanAll() {
        super("DL3040", "`dnf clean all` missing after dnf command.", Set.of("dnf", "microdnf"),
                List.of("install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"),
                List.of("clean", "all"), List.of("-rf", "/var/cache/libdnf5*"),
                List.of("/var/cache/libdnf5", ".cache/libdnf5"));
    }
}
