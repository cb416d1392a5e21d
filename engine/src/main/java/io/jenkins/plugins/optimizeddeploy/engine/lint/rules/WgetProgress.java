package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3047: wgets default progress bar floods the build log with lines. */
final class WgetProgress extends ShellCommandRule {
    static final Set<String> WGET = Set.of("wget");


    WgetProgress() {
        super("DL3047", Severity.INFO, "Avoid use of wget without progress bar."
                + " Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet`"
                + " or `--no-verbose`).");
    }

    @Override
    public Set<String> programs() {
        return WGET;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!WGET.contains(command.name())) {
            return Optional.empty();
        }
        boolean quiet = command.hasOption("--progress", "-q", "--quiet", "-nv", "--no-verbose", "-o", "--output-file",
                "-a", "--append-output") || command.hasArgument("-nv");
        return quiet ? Optional.empty() : Optional.of("");
    }
}
