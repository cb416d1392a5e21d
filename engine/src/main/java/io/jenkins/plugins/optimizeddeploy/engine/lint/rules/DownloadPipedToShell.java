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

/** OD1006: curl or wget piped into a shell runs a script nobody has verified, as root, in the build. */
final class DownloadPipedToShell extends DockerfileRule {
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget");
    private static final Set<String> INTERPRETERS =
            Set.of("sh", "bash", "zsh", "dash", "ash", "ksh", "python", "python3", "perl", "ruby", "node");

    DownloadPipedToShell() {
        super("OD1006", Severity.ERROR, "Piping a download into a shell runs unverified code;"
                + " download the script, check its checksum, then run it.");
    }

    @Override
    public Set<String> programs() {
        return DOWNLOADERS;
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction run : analyzed.runs()) {
            List<ShellCommand> commands = analyzed.script(run).commands();
            for (int i = 1; i < commands.size(); i++) {
                ShellCommand downloader = commands.get(i - 1);
                ShellCommand interpreter = commands.get(i);
                if (interpreter.pipedFromPrevious() && DOWNLOADERS.contains(downloader.name())
                        && INTERPRETERS.contains(programRun(interpreter))) {
                    violations.add(new Violation(run, downloader.name() + " | " + programRun(interpreter)));
                }
            }
        }
        return violations;
    }

    /** The program a command runs: {@code bash} for {@code sudo -E bash} and {@code env X=1 bash} too. */
    private static String programRun(ShellCommand command) {
        if (!command.name().equals("sudo") && !command.name().equals("env")) {
            return command.name();
        }
        return command.arguments().stream().filter(word -> !word.startsWith("-") && !word.contains("="))
                .map(word -> word.substring(word.lastIndexOf('/') + 1)).findFirst().orElse(command.name());
    }
}
