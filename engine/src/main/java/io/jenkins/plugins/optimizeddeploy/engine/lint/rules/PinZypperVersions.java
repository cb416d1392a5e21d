package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DL3037: zypper install without versions installs whatever the repository has that day. */
final class PinZypperVersions extends ShellCommandRule {
    private static final Set<String> ZYPPER = Set.of("zypper");

    PinZypperVersions() {
        super("DL3037", Severity.WARNING, "Specify version with `zypper install -y <package>=<version>`.");
    }

    @Override
    public Set<String> programs() {
        return ZYPPER;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(ZYPPER, "install", "in")) {
            return Optional.empty();
        }
        List<String> unpinned = command.wordsWithoutFlags(Set.of()).stream()
                .filter(word -> !word.equals("install") && !word.equals("in"))
                .filter(word -> !word.contains("=") && !word.contains(">") && !word.contains("<")
                        && !word.endsWith(".rpm"))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
