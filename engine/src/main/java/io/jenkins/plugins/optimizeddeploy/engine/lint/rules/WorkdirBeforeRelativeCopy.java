package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** DL3045: a relative COPY destination depends on the base images working directory unless WORKDIR sets it. */
final class WorkdirBeforeRelativeCopy extends DockerfileRule {
    private static final Pattern WINDOWS_ABSOLUTE_PATH = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    WorkdirBeforeRelativeCopy() {
        super("DL3045", Severity.WARNING, "COPY to a relative destination without WORKDIR set.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            boolean workdirSet = false;
            for (Instruction instruction : StageScope.inherited(dockerfile, stage)) {
                workdirSet |= instruction.keyword().equals("workdir");
                if (instruction.keyword().equals("copy") && instruction.stage() == stage.index() && !workdirSet
                        && isRelative(CopySources.destination(instruction))) {
                    violations.add(Violation.at(instruction));
                }
            }
        }
        return violations;
    }

    private static boolean isRelative(String destination) {
        return !destination.isEmpty() && !destination.startsWith("/") && !destination.startsWith("$")
                && !WINDOWS_ABSOLUTE_PATH.matcher(destination).matches();
    }
}
