package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OD1002: in a final stage that runs as a non-root user, COPY and ADD without --chown leave the files owned by root,
 * which the app then cannot change (and a later chown -R duplicates them in another layer).
 */
final class ChownForNonRootUser extends DockerfileRule {

    ChownForNonRootUser() {
        super("OD1002", Severity.INFO, "COPY/ADD into a final stage that runs as a non-root USER without --chown"
                + " leaves the files owned by root; add --chown=<user>:<group> (or keep them root-owned on purpose and"
                + " ignore this rule for the instruction).");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        Optional<Stage> finalStage = dockerfile.finalStage();
        boolean nonRoot = finalStage.flatMap(stage -> StageScope.lastInherited(dockerfile, stage, "user"))
                .filter(user -> !StageScope.isRoot(user)).isPresent();
        if (nonRoot) {
            for (Instruction instruction : finalStage.get().instructions()) {
                boolean copies = instruction.keyword().equals("copy") || instruction.keyword().equals("add");
                if (copies && !instruction.flags().has("chown")) {
                    violations.add(Violation.at(instruction));
                }
            }
        }
        return violations;
    }
}
