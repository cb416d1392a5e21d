package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.Set;

/** DL3040: dnf keeps its package cache in the layer unless dnf clean all runs after the install. */
final class DnfCleanAll extends CleanAfterInstallRule {

    DnfCleanAll() {
        super("DL3040", "`dnf clean all` missing after dnf command.", Set.of("dnf", "microdnf"), "/var/cache/dnf");
    }
}
