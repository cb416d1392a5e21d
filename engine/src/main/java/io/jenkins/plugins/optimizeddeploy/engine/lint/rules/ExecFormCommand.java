package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3025: in shell form the process runs under /bin/sh -c and does not get the stop signal. */
final class ExecFormCommand extends DockerfileRule {

    ExecFormCommand() {
        super("DL3025", Severity.WARNING, "Use arguments JSON notation for CMD and ENTRYPOINT arguments.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.instructions().stream()
                .filter(instruction -> instruction.keyword().equals("cmd")
                        || instruction.keyword().equals("entrypoint"))
                .filter(instruction -> !instruction.arguments().jsonForm())
                .map(Violation::at)
                .toList();
    }
}
