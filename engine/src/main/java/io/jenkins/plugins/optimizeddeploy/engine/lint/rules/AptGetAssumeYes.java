package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3014: without -y (or quiet level 2, which implies it) apt-get install waits for an answer that never comes. */
final class AptGetAssumeYes extends ShellCommandRule {

    AptGetAssumeYes() {
        super("DL3014", Severity.WARNING, "Use the `-y` switch to avoid manual input `apt-get -y install <package>`.");
    }

    @Override
    public Set<String> programs() {
        return PinAptGetVersions.APT_GET;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(PinAptGetVersions.APT_GET, "install")) {
            return Optional.empty();
        }
        boolean answered = command.hasAnyFlag("y", "yes", "qq", "assume-yes") || command.countFlag("q") == 2
                || command.countFlag("quiet") == 2 || command.hasAnyArgument("-q=2");
        return answered ? Optional.empty() : Optional.of("");
    }
}
