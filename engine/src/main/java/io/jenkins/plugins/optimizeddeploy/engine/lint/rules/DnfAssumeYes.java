package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3038: dnf install asks for confirmation unless -y is given. */
final class DnfAssumeYes extends AssumeYesRule {

    DnfAssumeYes() {
        super("DL3038", "Use the -y switch to avoid manual input `dnf install -y <package>`.",
                Set.of("dnf", "microdnf"), List.of("install", "groupinstall", "localinstall"),
                List.of("y", "assumeyes"));
    }
}
