package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** DL3013: pip install without versions installs whatever PyPI has that day. */
final class PinPipVersions extends ShellCommandRule {
    private static final Pattern VERSION_SPECIFIER = Pattern.compile(".*(==|>=|<=|~=|!=|<|>|@).*");
    private static final Pattern ARCHIVE_FILE = Pattern.compile(".*\\.(whl|tar\\.gz|zip)$");
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
            "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix",
            "--root", "--src", "--trusted-host", "--platform", "--python-version", "--implementation", "--abi",
            "--cache-dir", "--proxy", "--timeout", "--retries", "--log", "--progress-bar", "--upgrade-strategy");

    PinPipVersions() {
        super("DL3013", Severity.WARNING, "Pin versions in pip."
                + " Instead of `pip install <package>` use `pip install <package>==<version>`.");
    }

    static boolean isPipInstall(ShellCommand command) {
        return (command.name().equals("pip") || command.name().equals("pip3")) && command.isInvocation(command.name(),
                "install");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!isPipInstall(command)) {
            return Optional.empty();
        }
        List<String> unpinned = command.operandsAfter("install", OPTIONS_WITH_VALUE).stream()
                .filter(requirement -> !VERSION_SPECIFIER.matcher(requirement).matches()
                        && !requirement.contains("/") && !requirement.startsWith(".")
                        && !ARCHIVE_FILE.matcher(requirement).matches())
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
