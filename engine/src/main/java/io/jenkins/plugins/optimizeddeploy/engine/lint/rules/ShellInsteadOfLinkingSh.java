package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL4005: replacing /bin/sh changes every later RUN behind the readers back; SHELL says it openly. */
final class ShellInsteadOfLinkingSh extends ShellCommandRule {
    private static final Set<String> LN = Set.of("ln");

    ShellInsteadOfLinkingSh() {
        super("DL4005", Severity.WARNING, "Use SHELL to change the default shell.");
    }

    @Override
    public Set<String> programs() {
        return LN;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return LN.contains(command.name()) && command.hasArgument("/bin/sh") ? Optional.of("") : Optional.empty();
    }
}
