package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/**
 * DL3057: a stage without HEALTHCHECK, in itself, the stages it is built on, or a stage built on it. Off by default
 * as in hadolint (it flags every builder stage); give it a severity in {@code override} to use it. OD1010 is the
 * variant for the final stage of a service.
 */
final class HealthcheckMissing extends DockerfileRule {

    HealthcheckMissing() {
        super("DL3057", Severity.INFO, "HEALTHCHECK instruction missing.");
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.stages().stream()
                .filter(stage -> !hasHealthcheck(dockerfile, stage)
                        && dockerfile.stages().stream().noneMatch(other -> other.index() > stage.index()
                                && StageScope.chain(dockerfile, other).contains(stage)
                                && hasHealthcheck(dockerfile, other)))
                .map(stage -> Violation.at(stage.from()))
                .toList();
    }

    private static boolean hasHealthcheck(Dockerfile dockerfile, Stage stage) {
        return StageScope.lastInherited(dockerfile, stage, "healthcheck").isPresent();
    }
}
