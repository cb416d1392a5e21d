package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3035: a distribution upgrade inside an image build makes the base image's version meaningless. */
final class ZypperDistUpgrade extends ShellCommandRule {
    private static final Set<String> ZYPPER = Set.of("zypper");

    ZypperDistUpgrade() {
        super("DL3035", Severity.WARNING, "Do not use `zypper dist-upgrade`.");
    }

    @Override
    public Set<String> programs() {
        return ZYPPER;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return command.isAnyOf(ZYPPER, "dist-upgrade", "dup") ? Optional.of("") : Optional.empty();
    }
}
