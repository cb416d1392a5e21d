package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3027: apt is an interactive tool whose command-line interface is not stable for scripts. */
final class AptGetInsteadOfApt extends ShellCommandRule {
    private static final Set<String> APT = Set.of("apt");

    AptGetInsteadOfApt() {
        super("DL3027", Severity.WARNING,
                "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead.");
    }

    @Override
    public Set<String> programs() {
        return APT;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return APT.contains(command.name()) ? Optional.of("") : Optional.empty();
    }
}
