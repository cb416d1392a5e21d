package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3036: zypper keeps its package cache in the layer unless {@code zypper clean} follows the install. */
final class ZypperClean extends CleanAfterInstallRule {

    ZypperClean() {
        super("DL3036", "`zypper clean` missing after zypper use.", Set.of("zypper"), List.of("install", "in"),
                List.of("clean", "cc"), List.of(), List.of("/var/cache/zypp"));
    }
}
