package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** DL4001: two download tools in one image where one would do; flags the RUNs using the second one. */
final class EitherWgetOrCurl extends DockerfileRule {

    EitherWgetOrCurl() {
        super("DL4001", Severity.WARNING, "Either use wget or curl but not both.");
    }

    @Override
    public List<Violation> check(Dockerfile dockerfile) {
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            String first = null;
            for (Instruction instruction : stage.instructions()) {
                if (!instruction.keyword().equals("run")) {
                    continue;
                }
                ShellScript script = ShellScript.of(instruction);
                for (String tool : List.of("wget", "curl")) {
                    if (script.runs(tool)) {
                        if (first == null) {
                            first = tool;
                        } else if (!first.equals(tool)) {
                            violations.add(new Violation(instruction, tool + " after " + first));
                        }
                    }
                }
            }
        }
        return violations;
    }
}
