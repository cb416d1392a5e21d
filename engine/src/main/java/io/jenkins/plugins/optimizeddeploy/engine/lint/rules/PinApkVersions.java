package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3018: apk add without versions installs whatever the mirror has that day. A package is pinned with {@code =},
 * {@code ~}, {@code >} or {@code <}, or is an {@code .apk} file; the values of --virtual and --repository are no
 * packages.
 */
final class PinApkVersions extends ShellCommandRule {
    static final Set<String> APK = Set.of("apk");
    private static final Set<String> FLAGS_WITH_VALUE = Set.of("t", "virtual", "repository", "X");

    PinApkVersions() {
        super("DL3018", Severity.WARNING, "Pin versions in apk add."
                + " Instead of `apk add <package>` use `apk add <package>=<version>`.");
    }

    @Override
    public Set<String> programs() {
        return APK;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(APK, "add")) {
            return Optional.empty();
        }
        List<String> unpinned = command.wordsWithoutFlags(FLAGS_WITH_VALUE).stream()
                .filter(name -> !name.equals("add"))
                .filter(name -> !name.contains("=") && !name.contains("~") && !name.contains(">")
                        && !name.contains("<") && !name.endsWith(".apk"))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
