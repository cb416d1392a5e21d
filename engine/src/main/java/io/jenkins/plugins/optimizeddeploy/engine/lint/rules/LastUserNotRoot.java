package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3002: a stage whose last USER is root runs as root (hadolint checks every stage, not only the final one). */
final class LastUserNotRoot extends DockerfileRule {

    LastUserNotRoot() {
        super("DL3002", Severity.WARNING, "Last USER should not be root.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.stages().stream()
                .flatMap(stage -> stage.last("user").stream())
                .filter(StageScope::isRoot)
                .map(Violation::at)
                .toList();
    }
}
