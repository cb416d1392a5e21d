package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.Set;

/**
 * DL3060: yarn install leaves its cache in the layer unless yarn cache clean runs after it in the same RUN (or the
 * cache is a cache mount). Only stages that end up in an image count: the final stage and stages others build on.
 */
final class YarnCacheClean extends DockerfileRule {
    private static final Set<String> YARN = Set.of("yarn");

    YarnCacheClean() {
        super("DL3060", Severity.INFO, "`yarn cache clean` missing after `yarn install` was run.");
    }

    @Override
    public Set<String> programs() {
        return YARN;
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return StageScope.runsInImage(analyzed.dockerfile()).stream()
                .filter(run -> leavesCache(analyzed, run))
                .map(Violation::at)
                .toList();
    }

    /**
     * As hadolint: an install without a clean (and without a cache mount on yarn's cache), or a clean that comes
     * before the install; a yarn command given {@code cache} or {@code clean} counts as the clean.
     */
    private static boolean leavesCache(AnalyzedDockerfile analyzed, Instruction run) {
        List<ShellCommand> commands = analyzed.script(run).commands();
        int install = CleanAfterInstallRule.firstIndex(commands, command -> command.isAnyOf(YARN, "install"));
        int clean = CleanAfterInstallRule.firstIndex(commands, command -> command.isAnyOf(YARN, "cache", "clean"));
        if (install < 0) {
            return false;
        }
        return clean < 0 ? !StageScope.hasCacheMountWith(run, ".cache/yarn") : clean < install;
    }
}
