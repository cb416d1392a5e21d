package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3008: apt-get install without versions installs whatever the mirror has that day. A package is pinned with
 * {@code =}, or is a path or a {@code .deb} file; the release after {@code -t} is no package.
 */
final class PinAptGetVersions extends ShellCommandRule {
    static final Set<String> APT_GET = Set.of("apt-get");
    private static final Set<String> TARGET_RELEASE = Set.of("t", "target-release");

    PinAptGetVersions() {
        super("DL3008", Severity.WARNING, "Pin versions in apt-get install."
                + " Instead of `apt-get install <package>` use `apt-get install <package>=<version>`.");
    }

    @Override
    public Set<String> programs() {
        return APT_GET;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(APT_GET, "install")) {
            return Optional.empty();
        }
        List<String> unpinned = command.wordsWithoutFlags(TARGET_RELEASE).stream()
                .filter(name -> !name.equals("install"))
                .filter(name -> !name.contains("=") && !name.endsWith(".deb") && !name.contains("/"))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
