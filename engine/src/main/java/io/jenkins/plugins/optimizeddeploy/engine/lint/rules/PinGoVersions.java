package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3062: go install or go get of a module without a version ({@code @v1.2.3}) builds whatever is newest; local
 * paths and {@code @latest}/{@code @none} are not versions.
 */
final class PinGoVersions extends ShellCommandRule {
    private static final Set<String> GO = Set.of("go");

    PinGoVersions() {
        super("DL3062", Severity.WARNING,
                "Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`.");
    }

    @Override
    public Set<String> programs() {
        return GO;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        String subcommand = command.isInvocation("go", "install") ? "install"
                : command.isInvocation("go", "get") ? "get" : null;
        if (subcommand == null) {
            return Optional.empty();
        }
        List<String> unpinned = command.operandsAfter(subcommand, Set.of("-C", "-o", "-tags", "-ldflags", "-gcflags"))
                .stream()
                .filter(module -> !module.startsWith(".") && !module.startsWith("/")
                        && (!module.contains("@") || module.endsWith("@latest") || module.endsWith("@none")))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
