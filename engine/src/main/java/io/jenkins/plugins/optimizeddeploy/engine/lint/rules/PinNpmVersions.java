package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DL3016: npm install of a named package without a version installs whatever the registry has that day. */
final class PinNpmVersions extends ShellCommandRule {
    private static final Set<String> OPTIONS_WITH_VALUE =
            Set.of("--prefix", "--registry", "--cache", "-w", "--workspace", "--tag");

    PinNpmVersions() {
        super("DL3016", Severity.WARNING, "Pin versions in npm."
                + " Instead of `npm install <package>` use `npm install <package>@<version>`.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        String subcommand = command.isInvocation("npm", "install") ? "install"
                : command.isInvocation("npm", "i") ? "i" : command.isInvocation("npm", "add") ? "add" : null;
        if (subcommand == null) {
            return Optional.empty();
        }
        List<String> unpinned = command.operandsAfter(subcommand, OPTIONS_WITH_VALUE).stream()
                .filter(PinNpmVersions::isUnpinnedRegistryPackage)
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }

    private static boolean isUnpinnedRegistryPackage(String name) {
        boolean scoped = name.startsWith("@");
        boolean local = name.startsWith(".") || name.startsWith("/") || name.startsWith("~") || name.endsWith(".tgz");
        boolean gitOrUrl = name.contains(":") || !scoped && name.contains("/");
        return !local && !gitOrUrl && name.indexOf('@', scoped ? 1 : 0) < 0;
    }
}
