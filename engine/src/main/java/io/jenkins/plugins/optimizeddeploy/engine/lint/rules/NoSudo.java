package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3004: sudo has unpredictable TTY and signal behaviour; switch users with USER or gosu. */
final class NoSudo extends ShellCommandRule {
    private static final Set<String> SUDO = Set.of("sudo");

    NoSudo() {
        super("DL3004", Severity.ERROR, "Do not use sudo as it leads to unpredictable behavior."
                + " Use a tool like gosu to enforce root.");
    }

    @Override
    public Set<String> programs() {
        return SUDO;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return SUDO.contains(command.name()) ? Optional.of("") : Optional.empty();
    }
}
