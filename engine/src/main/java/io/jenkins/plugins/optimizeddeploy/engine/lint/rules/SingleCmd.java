package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL4003: only the last CMD of a stage takes effect. */
final class SingleCmd extends DockerfileRule {

    SingleCmd() {
        super("DL4003", Severity.WARNING, "Multiple CMD instructions found."
                + " If you list more than one CMD then only the last CMD will take effect.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return RepeatedInstructions.afterTheFirstInEachStage(dockerfile, "cmd");
    }
}
