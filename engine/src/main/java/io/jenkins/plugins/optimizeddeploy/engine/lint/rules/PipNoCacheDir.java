package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;

/**
 * DL3042: pip keeps its download cache in the layer unless told not to (--no-cache-dir, PIP_NO_CACHE_DIR in the
 * stage, or a cache mount on pips cache folder).
 */
final class PipNoCacheDir extends ShellCommandRule {

    PipNoCacheDir() {
        super("DL3042", Severity.WARNING,
                "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!PinPipVersions.isPipInstall(command) || command.hasOption("--no-cache-dir")) {
            return Optional.empty();
        }
        boolean cacheMounted = StageScope.cacheMountTargets(run).stream()
                .anyMatch(target -> target.endsWith(".cache/pip") || target.endsWith(".cache"));
        boolean disabledByEnvironment = StageScope.stageOf(dockerfile, run)
                .map(stage -> StageScope.inherited(dockerfile, stage).stream()
                        .filter(instruction -> instruction.keyword().equals("env"))
                        .anyMatch(env -> env.pair("PIP_NO_CACHE_DIR").filter(value -> !value.isEmpty()
                                && !value.equalsIgnoreCase("false") && !value.equals("0")).isPresent()))
                .orElse(false);
        return cacheMounted || disabledByEnvironment ? Optional.empty() : Optional.of("");
    }
}
