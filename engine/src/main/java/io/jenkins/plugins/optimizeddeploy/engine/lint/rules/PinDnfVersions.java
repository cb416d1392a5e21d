package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3041: dnf install without versions installs whatever the repository has that day. */
final class PinDnfVersions extends PinRpmVersionsRule {

    PinDnfVersions() {
        super("DL3041", "Specify version with `dnf install -y <package>-<version>`.", Set.of("dnf", "microdnf"),
                List.of("group"));
    }
}
