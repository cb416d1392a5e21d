package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A package manager whose install subcommands wait for a yes that never comes in a build unless a yes flag is
 * given; as in hadolint, a subcommand counts wherever it stands and a flag also inside a group ({@code -qy}).
 */
abstract class AssumeYesRule extends ShellCommandRule {
    private final Set<String> programs;
    private final String[] subcommands;
    private final String[] yesFlags;

    AssumeYesRule(String id, String message, Set<String> programs, List<String> subcommands, List<String> yesFlags) {
        super(id, Severity.WARNING, message);
        this.programs = Set.copyOf(programs);
        this.subcommands = subcommands.toArray(String[]::new);
        this.yesFlags = yesFlags.toArray(String[]::new);
    }

    @Override
    public final Set<String> programs() {
        return programs;
    }

    @Override
    final Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        return command.isAnyOf(programs, subcommands) && !command.hasAnyFlag(yesFlags)
                ? Optional.of("")
                : Optional.empty();
    }
}
