package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3002: the image should not end up running as root because the last USER switched back to it. */
final class LastUserNotRoot extends DockerfileRule {

    LastUserNotRoot() {
        super("DL3002", Severity.WARNING, "Last USER should not be root.");
    }

    @Override
    public List<Violation> check(Dockerfile dockerfile) {
        return dockerfile.finalStage().flatMap(stage -> stage.last("user"))
                .filter(StageScope::isRoot)
                .map(user -> List.of(Violation.at(user)))
                .orElse(List.of());
    }
}
