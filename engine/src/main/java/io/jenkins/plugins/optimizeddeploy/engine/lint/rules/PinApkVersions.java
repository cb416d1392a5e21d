package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DL3018: apk add without versions installs whatever the mirror has that day. */
final class PinApkVersions extends ShellCommandRule {
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-t", "--virtual", "-X", "--repository", "--root",
            "-p", "--arch", "--cache-dir", "--keys-dir", "--repositories-file");

    PinApkVersions() {
        super("DL3018", Severity.WARNING, "Pin versions in apk add."
                + " Instead of `apk add <package>` use `apk add <package>=<version>`.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isInvocation("apk", "add")) {
            return Optional.empty();
        }
        List<String> unpinned = command.operandsAfter("add", OPTIONS_WITH_VALUE).stream()
                .filter(name -> !name.contains("=") && !name.contains("/") && !name.endsWith(".apk"))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
