package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;

/** DL3014: without -y apt-get install waits for an answer that never comes in a build. */
final class AptGetAssumeYes extends ShellCommandRule {

    AptGetAssumeYes() {
        super("DL3014", Severity.WARNING, "Use the `-y` switch to avoid manual input `apt-get -y install <package>`.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isInvocation("apt-get", "install")) {
            return Optional.empty();
        }
        boolean answered = command.hasOption("-y", "--yes", "--assume-yes", "-qq", "--quiet=2")
                || command.hasArgument("-q=2");
        return answered ? Optional.empty() : Optional.of("");
    }
}
