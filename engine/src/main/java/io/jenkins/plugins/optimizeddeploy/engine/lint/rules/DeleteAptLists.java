package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.Set;

/**
 * DL3009: apt lists left behind after an update (apt-get, apt or aptitude) add tens of megabytes to the layer. Only stages that end up in
 * an image count: the final stage and stages others are built on; a cache or tmpfs mount on the lists is fine.
 */
final class DeleteAptLists extends DockerfileRule {
    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
    private static final Set<String> REMOVE = Set.of("rm");

    DeleteAptLists() {
        super("DL3009", Severity.INFO, "Delete the apt lists (/var/lib/apt/lists) after installing something.");
    }

    @Override
    public Set<String> programs() {
        return APT;
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
        boolean updates = script.commands().stream().anyMatch(command -> command.isAnyOf(APT, "update"));
        boolean removes = script.commands().stream().anyMatch(DeleteAptLists::removesLists);
        boolean mounted = StageScope.hasCacheMountWith(run, "/var/lib/apt/lists")
                || StageScope.hasCacheMountWith(run, "/var/lib/apt") && StageScope.hasCacheMountWith(run, "/var/cache/apt");
        return updates && !removes && !mounted;
    }

    /**
     * As hadolint: an {@code rm} given {@code -rf} or {@code /var/lib/apt/lists/*}; or apt 3's
     * {@code apt-get dist-clean}, which removes the lists too.
     */
    private static boolean removesLists(ShellCommand command) {
        return command.isAnyOf(PinAptGetVersions.APT_GET, "dist-clean")
                || command.isAnyOf(REMOVE, "-rf", "/var/lib/apt/lists/*");
    }
}
