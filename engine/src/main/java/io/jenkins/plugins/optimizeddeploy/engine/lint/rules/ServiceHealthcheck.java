package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/**
 * OD1010: the final stage exposes a port, so it is a service, but neither it nor the stages it is built on declare
 * a HEALTHCHECK ({@code HEALTHCHECK NONE} counts as a deliberate choice).
 */
final class ServiceHealthcheck extends DockerfileRule {

    ServiceHealthcheck() {
        super("OD1010", Severity.INFO, "The final stage is a service (it exposes a port) without a HEALTHCHECK;"
                + " add one so that orchestrators and deploy gates can tell when it is ready.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.finalStage()
                .filter(stage -> StageScope.lastInherited(dockerfile, stage, "expose").isPresent()
                        && StageScope.lastInherited(dockerfile, stage, "healthcheck").isEmpty())
                .map(stage -> List.of(Violation.at(stage.from())))
                .orElse(List.of());
    }
}
