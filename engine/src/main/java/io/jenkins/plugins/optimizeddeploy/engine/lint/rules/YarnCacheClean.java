package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/**
 * DL3060: yarn install leaves its cache in the layer unless yarn cache clean runs after it in the same RUN (or the
 * cache is a cache mount). Only stages that end up in an image count: the final stage and stages others build on.
 */
final class YarnCacheClean extends DockerfileRule {

    YarnCacheClean() {
        super("DL3060", Severity.INFO, "`yarn cache clean` missing after `yarn install` was run.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return StageScope.runsInImage(analyzed.dockerfile()).stream()
                .filter(run -> leavesCache(analyzed, run))
                .map(Violation::at)
                .toList();
    }

    private static boolean leavesCache(AnalyzedDockerfile analyzed, Instruction run) {
        if (StageScope.cacheMountTargets(run).stream().anyMatch(target -> target.contains(".cache/yarn"))) {
            return false;
        }
        int lastInstall = -1;
        int lastClean = -1;
        List<ShellCommand> commands = analyzed.script(run).commands();
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).isInvocation("yarn", "install")) {
                lastInstall = i;
            } else if (commands.get(i).isInvocation("yarn", "cache") && commands.get(i).hasArgument("clean")) {
                lastClean = i;
            }
        }
        return lastInstall >= 0 && lastClean < lastInstall;
    }
}
