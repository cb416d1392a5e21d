package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DL4001: two download tools in one stage where one would do; flags every RUN using one once both are used. */
final class EitherWgetOrCurl extends DockerfileRule {
    private static final List<String> DOWNLOADERS = List.of("curl", "wget");

    EitherWgetOrCurl() {
        super("DL4001", Severity.WARNING, "Either use wget or curl but not both.");
    }

    @Override
    public Set<String> programs() {
        return WgetProgress.WGET; // both are needed: without wget there is nothing to flag
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            Set<String> used = new HashSet<>();
            for (Instruction instruction : stage.instructions()) {
                if (!instruction.keyword().equals("run")) {
                    continue;
                }
                ShellScript script = analyzed.script(instruction);
                List<String> tools = DOWNLOADERS.stream().filter(script::runs).toList();
                used.addAll(tools);
                if (!tools.isEmpty() && used.size() == DOWNLOADERS.size()) {
                    violations.add(Violation.at(instruction));
                }
            }
        }
        return violations;
    }
}
