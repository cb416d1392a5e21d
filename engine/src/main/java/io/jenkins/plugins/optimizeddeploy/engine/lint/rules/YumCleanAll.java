package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.Set;

/** DL3032: yum keeps its package cache in the layer unless yum clean all runs after the install. */
final class YumCleanAll extends CleanAfterInstallRule {

    YumCleanAll() {
        super("DL3032", "`yum clean all` missing after yum command.", Set.of("yum"), "/var/cache/yum");
    }
}
