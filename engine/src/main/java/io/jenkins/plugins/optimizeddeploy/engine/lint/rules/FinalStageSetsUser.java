package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/**
 * OD1001: the final stage, and the stages it is built on, never set USER, so the container runs as root unless the
 * base image says otherwise.
 */
final class FinalStageSetsUser extends DockerfileRule {

    FinalStageSetsUser() {
        super("OD1001", Severity.WARNING, "The final stage never sets USER, so the image runs as root;"
                + " create an unprivileged user and switch to it with USER before CMD/ENTRYPOINT.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.finalStage()
                .filter(stage -> StageScope.lastInherited(dockerfile, stage, "user").isEmpty())
                .map(stage -> List.of(Violation.at(stage.from())))
                .orElse(List.of());
    }
}
