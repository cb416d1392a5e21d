package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3065: FROM --platform=$TARGETPLATFORM says what a build does anyway. */
final class RedundantTargetPlatform extends DockerfileRule {

    RedundantTargetPlatform() {
        super("DL3065", Severity.WARNING,
                "Setting `FROM --platform` to predefined `$TARGETPLATFORM` is redundant as this is the default"
                        + " behavior.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.stages().stream()
                .filter(stage -> stage.platform().equals("$TARGETPLATFORM")
                        || stage.platform().equals("${TARGETPLATFORM}"))
                .map(stage -> Violation.at(stage.from()))
                .toList();
    }
}
