package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3003: cd inside RUN is easy to misread; WORKDIR says it once for the instructions after it. */
final class WorkdirInsteadOfCd extends ShellCommandRule {
    private static final Set<String> CD = Set.of("cd");

    WorkdirInsteadOfCd() {
        super("DL3003", Severity.WARNING, "Use WORKDIR to switch to a directory.");
    }

    @Override
    public Set<String> programs() {
        return CD;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return CD.contains(command.name()) ? Optional.of("") : Optional.empty();
    }
}
