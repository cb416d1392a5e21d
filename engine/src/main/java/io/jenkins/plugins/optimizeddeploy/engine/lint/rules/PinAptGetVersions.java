package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DL3008: apt-get install without versions installs whatever the mirror has that day. */
final class PinAptGetVersions extends ShellCommandRule {
    static final Set<String> APT_OPTIONS_WITH_VALUE = Set.of("-o", "-t", "-c", "--target-release", "--config-file");

    PinAptGetVersions() {
        super("DL3008", Severity.WARNING, "Pin versions in apt-get install."
                + " Instead of `apt-get install <package>` use `apt-get install <package>=<version>`.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isInvocation("apt-get", "install")) {
            return Optional.empty();
        }
        List<String> unpinned = command.operandsAfter("install", APT_OPTIONS_WITH_VALUE).stream()
                .filter(name -> !name.contains("=") && !name.endsWith(".deb") && !name.contains("/"))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
