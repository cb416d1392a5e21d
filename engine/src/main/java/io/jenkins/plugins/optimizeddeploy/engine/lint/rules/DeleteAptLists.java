package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/**
 * DL3009: apt lists left behind after apt-get update add tens of megabytes to the layer. Only stages that end up in
 * an image count: the final stage and stages others are built on; a cache or tmpfs mount on the lists is fine.
 */
final class DeleteAptLists extends DockerfileRule {

    DeleteAptLists() {
        super("DL3009", Severity.INFO, "Delete the apt lists (/var/lib/apt/lists) after installing something.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return StageScope.runsInImage(analyzed.dockerfile()).stream()
                .filter(run -> leavesListsBehind(analyzed, run))
                .map(Violation::at)
                .toList();
    }

    private static boolean leavesListsBehind(AnalyzedDockerfile analyzed, Instruction run) {
        ShellScript script = analyzed.script(run);
        boolean updates = script.commands().stream().anyMatch(command -> command.isInvocation("apt-get", "update"));
        boolean removes = script.commands().stream().anyMatch(DeleteAptLists::removesLists);
        List<String> cached = StageScope.cacheMountTargets(run);
        boolean mounted = cached.contains("/var/lib/apt/lists")
                || cached.contains("/var/lib/apt") && cached.contains("/var/cache/apt");
        return updates && !removes && !mounted;
    }

    /** {@code rm -rf /var/lib/apt/lists/*}, or apt 3's {@code apt-get dist-clean}, which removes them too. */
    private static boolean removesLists(ShellCommand command) {
        return command.isInvocation("apt-get", "dist-clean")
                || command.name().equals("rm") && command.hasOption("-r", "-R", "--recursive")
                && command.arguments().stream().anyMatch(argument -> argument.startsWith("/var/lib/apt/lists"));
    }
}
