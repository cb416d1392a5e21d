package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.Set;

/**
 * DL3042: pip keeps its download cache in the layer unless told not to: --no-cache-dir, PIP_NO_CACHE_DIR set to a
 * true value by an ENV of the stage (or the stage it is built on) or inside the RUN ({@code PIP_NO_CACHE_DIR=1 pip}
 * or {@code export}), or a cache or tmpfs mount on pip's cache folder. pipx and pipenv keep no such cache.
 */
final class PipNoCacheDir extends DockerfileRule {
    private static final String VARIABLE = "PIP_NO_CACHE_DIR";
    private static final Set<String> TRUE_VALUES =
            Set.of("1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES");

    PipNoCacheDir() {
        super("DL3042", Severity.WARNING,
                "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return analyzed.runs().stream()
                .filter(run -> analyzed.script(run).commands().stream().anyMatch(PipNoCacheDir::keepsCache))
                .filter(run -> !StageScope.hasCacheMountWith(run, ".cache/pip"))
                .filter(run -> !setInRun(run) && !setByEnv(dockerfile, run))
                .map(Violation::at)
                .toList();
    }

    private static boolean keepsCache(ShellCommand command) {
        return PinPipVersions.isPipInstall(command) && !command.hasAnyArgument("--no-cache-dir")
                && !isPipWrapper(command);
    }

    private static boolean isPipWrapper(ShellCommand command) {
        return command.name().contains("pipx") || command.name().contains("pipenv")
                || command.name().startsWith("python") && (PinPipVersions.containsInOrder(command.arguments(), "-m",
                        "pipx") || PinPipVersions.containsInOrder(command.arguments(), "-m", "pipenv"));
    }

    /** The first {@code PIP_NO_CACHE_DIR=} in the RUN's text, when its value starts with a true value. */
    private static boolean setInRun(Instruction run) {
        String text = String.join(" ", run.args());
        int at = text.indexOf(VARIABLE + "=");
        if (at < 0) {
            return false;
        }
        String value = text.substring(at + VARIABLE.length() + 1);
        return TRUE_VALUES.stream().anyMatch(value::startsWith);
    }

    private static boolean setByEnv(Dockerfile dockerfile, Instruction run) {
        return StageScope.stageOf(dockerfile, run)
                .map(stage -> StageScope.inherited(dockerfile, stage).stream()
                        .filter(instruction -> instruction.keyword().equals("env")
                                && instruction.startLine() < run.startLine())
                        .anyMatch(env -> env.arguments().pair(VARIABLE).filter(TRUE_VALUES::contains).isPresent()))
                .orElse(false);
    }
}
