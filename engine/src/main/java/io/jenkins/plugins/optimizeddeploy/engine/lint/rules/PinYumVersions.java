package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3033: yum install without versions installs whatever the repository has that day. */
final class PinYumVersions extends PinRpmVersionsRule {

    PinYumVersions() {
        super("DL3033", "Specify version with `yum install -y <package>-<version>`.", Set.of("yum"), List.of());
    }
}
