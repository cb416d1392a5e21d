package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3012: only the last HEALTHCHECK of a stage takes effect. */
final class SingleHealthcheck extends DockerfileRule {

    SingleHealthcheck() {
        super("DL3012", Severity.ERROR, "Multiple HEALTHCHECK instructions.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return RepeatedInstructions.afterTheFirstInEachStage(dockerfile, "healthcheck");
    }
}
