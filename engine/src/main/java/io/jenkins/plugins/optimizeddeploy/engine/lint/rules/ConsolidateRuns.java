package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * DL3059: consecutive RUNs of one command each, with the same flags, each add a layer; one RUN would do. A RUN of
 * several commands counts as deliberate, as in hadolint.
 */
final class ConsolidateRuns extends DockerfileRule {
    private static final int SHORT = 1;

    ConsolidateRuns() {
        super("DL3059", Severity.INFO, "Multiple consecutive RUN instructions. Consider consolidation.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            Instruction previous = null;
            for (Instruction instruction : stage.instructions()) {
                if (previous != null && instruction.keyword().equals("run") && previous.keyword().equals("run")
                        && previous.flags().asWritten().equals(instruction.flags().asWritten())
                        && isShort(analyzed, previous) && isShort(analyzed, instruction)) {
                    violations.add(Violation.at(instruction));
                }
                previous = instruction;
            }
        }
        return violations;
    }

    private static boolean isShort(AnalyzedDockerfile analyzed, Instruction run) {
        return analyzed.script(run).commands().size() <= SHORT;
    }
}
