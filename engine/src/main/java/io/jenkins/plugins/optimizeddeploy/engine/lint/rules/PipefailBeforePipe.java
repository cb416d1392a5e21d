package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DL4006: /bin/sh -c reports only the last command of a pipe, so {@code curl … | tar x} succeeds when curl fails.
 * Fine after {@code SHELL ["/bin/bash", "-o", "pipefail", "-c"]}, with {@code set -o pipefail} in the RUN, or when
 * SHELL is not a POSIX shell (PowerShell, cmd).
 */
final class PipefailBeforePipe extends DockerfileRule {
    private static final Set<String> NON_POSIX_SHELLS = Set.of("pwsh", "powershell", "cmd", "cmd.exe",
            "powershell.exe", "pwsh.exe");

    PipefailBeforePipe() {
        super("DL4006", Severity.WARNING, "Set the SHELL option -o pipefail before RUN with a pipe in it."
                + " If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider"
                + " explicitly setting your SHELL to /bin/ash, or disable this check.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            boolean safe = false;
            for (Instruction instruction : StageScope.inherited(dockerfile, stage)) {
                if (instruction.keyword().equals("shell")) {
                    safe = setsPipefail(instruction.args()) || !instruction.args().isEmpty()
                            && NON_POSIX_SHELLS.contains(programName(instruction.args().get(0)));
                } else if (instruction.keyword().equals("run") && instruction.stage() == stage.index() && !safe
                        && !instruction.arguments().jsonForm()) {
                    ShellScript script = analyzed.script(instruction);
                    boolean setsItself = script.commands().stream()
                            .anyMatch(command -> command.name().equals("set") && setsPipefail(command.arguments()));
                    if (script.hasPipe() && !setsItself) {
                        violations.add(Violation.at(instruction));
                    }
                }
            }
        }
        return violations;
    }

    private static boolean setsPipefail(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String option = words.get(i - 1);
            if (words.get(i).equals("pipefail") && option.startsWith("-") && !option.startsWith("--")
                    && option.endsWith("o")) {
                return true;
            }
        }
        return false;
    }

    private static String programName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
    }
}
