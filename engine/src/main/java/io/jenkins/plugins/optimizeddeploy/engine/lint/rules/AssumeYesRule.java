package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A package manager whose install subcommands wait for a yes that never comes in a build unless -y is given. */
abstract class AssumeYesRule extends ShellCommandRule {
    private final Set<String> programs;
    private final List<String> subcommands;

    AssumeYesRule(String id, String message, Set<String> programs, List<String> subcommands) {
        super(id, Severity.WARNING, message);
        this.programs = Set.copyOf(programs);
        this.subcommands = List.copyOf(subcommands);
    }

    @Override
    final Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        boolean installs = programs.contains(command.name())
                && subcommands.stream().anyMatch(subcommand -> command.isInvocation(command.name(), subcommand));
        return installs && !command.hasOption("-y", "--assumeyes") ? Optional.of("") : Optional.empty();
    }
}
