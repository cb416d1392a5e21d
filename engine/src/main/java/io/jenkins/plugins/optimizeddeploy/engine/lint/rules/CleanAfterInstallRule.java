package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A package manager whose install leaves a cache in the layer unless the same RUN cleans it afterwards. */
abstract class CleanAfterInstallRule extends DockerfileRule {
    private final Set<String> programs;
    private final String cacheFolder;

    CleanAfterInstallRule(String id, String message, Set<String> programs, String cacheFolder) {
        super(id, Severity.WARNING, message);
        this.programs = Set.copyOf(programs);
        this.cacheFolder = cacheFolder;
    }

    @Override
    public final List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction run : analyzed.runs()) {
            List<ShellCommand> commands = analyzed.script(run).commands();
            int lastInstall = -1;
            int lastClean = -1;
            for (int i = 0; i < commands.size(); i++) {
                ShellCommand command = commands.get(i);
                if (programs.contains(command.name()) && command.isInvocation(command.name(), "install")) {
                    lastInstall = i;
                } else if (programs.contains(command.name()) && command.isInvocation(command.name(), "clean")
                        && command.hasArgument("all")
                        || command.name().equals("rm") && command.arguments().stream()
                                .anyMatch(argument -> argument.startsWith(cacheFolder))) {
                    lastClean = i;
                }
            }
            if (lastInstall >= 0 && lastClean < lastInstall) {
                violations.add(Violation.at(run));
            }
        }
        return violations;
    }
}
