package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * DL3049: a stage lacks a label the {@code label-schema} requires, reported at its FROM as hadolint decides it: a
 * stage is fine when it sets the label, when it is built on a named stage that had it, or when it is a named stage
 * that a later stage copies from or that a stage setting the label (without a name of its own) is built on.
 */
final class LabelMissing extends DockerfileRule {
    private final Set<String> required;

    LabelMissing(Map<String, LabelType> schema) {
        super("DL3049", Severity.INFO, "Label is missing.");
        this.required = new TreeSet<>(schema.keySet());
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (String label : required) {
            for (Stage stage : stagesWithout(analyzed.dockerfile().stages(), label)) {
                violations.add(new Violation(stage.from(), label));
            }
        }
        return violations;
    }

    private static Set<Stage> stagesWithout(List<Stage> stages, String label) {
        Set<Stage> labelled = new LinkedHashSet<>();
        Set<Stage> missing = new LinkedHashSet<>();
        for (Stage stage : stages) {
            boolean onLabelledStage = labelled.stream()
                    .anyMatch(earlier -> !earlier.name().isEmpty() && earlier.name().equalsIgnoreCase(stage.baseImage()));
            (onLabelledStage ? labelled : missing).add(stage);
            for (Instruction instruction : stage.instructions()) {
                if (instruction.keyword().equals("copy")) {
                    instruction.flags().value("from").ifPresent(source -> forgive(missing, source));
                } else if (instruction.keyword().equals("label")
                        && instruction.arguments().pairs().stream().anyMatch(pair -> pair.key().equals(label))) {
                    forgive(missing, stage.name().isEmpty() ? stage.baseImage() : stage.name());
                    labelled.add(stage);
                    missing.remove(stage);
                }
            }
        }
        return missing;
    }

    /** A named stage used by another one is an intermediate, not an image of its own. */
    private static void forgive(Set<Stage> missing, String stageName) {
        missing.removeIf(stage -> !stage.name().isEmpty() && stage.name().equalsIgnoreCase(stageName));
    }
}
