package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3001: interactive and system-administration commands do nothing useful in an image build. */
final class CommandsPointlessInContainer extends ShellCommandRule {
    private static final Set<String> POINTLESS =
            Set.of("ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig", "nano");

    CommandsPointlessInContainer() {
        super("DL3001", Severity.INFO, "For some bash commands it makes no sense running them in a Docker container"
                + " like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.");
    }

    @Override
    public Set<String> programs() {
        return POINTLESS;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return POINTLESS.contains(command.name()) ? Optional.of(command.name()) : Optional.empty();
    }
}
