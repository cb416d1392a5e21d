package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3032: yum keeps its package cache in the layer unless {@code yum clean all} follows the install. */
final class YumCleanAll extends CleanAfterInstallRule {

    YumCleanAll() {
        super("DL3032", "`yum clean all` missing after yum command.", Set.of("yum"), List.of("install"),
                List.of("clean", "all"), List.of("-rf", "/var/cache/yum/*"), List.of());
    }
}
