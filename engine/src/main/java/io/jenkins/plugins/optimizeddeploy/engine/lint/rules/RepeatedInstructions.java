package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** The instructions of which only the last one of a stage counts (CMD, ENTRYPOINT, HEALTHCHECK). */
final class RepeatedInstructions {

    private RepeatedInstructions() {
    }

    /** A violation at every instruction with the keyword after the first one in its stage. */
    static List<Violation> afterTheFirstInEachStage(Dockerfile dockerfile, String keyword) {
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            List<Instruction> repeated = stage.instructions().stream()
                    .filter(instruction -> instruction.keyword().equals(keyword)).toList();
            repeated.stream().skip(1).map(Violation::at).forEach(violations::add);
        }
        return violations;
    }
}
