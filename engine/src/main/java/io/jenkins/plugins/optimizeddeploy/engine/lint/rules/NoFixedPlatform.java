package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3029: a FROM --platform defeats multi-platform builds, unless it is $BUILDPLATFORM or $TARGETPLATFORM. */
final class NoFixedPlatform extends DockerfileRule {

    NoFixedPlatform() {
        super("DL3029", Severity.WARNING, "Do not use --platform flag with FROM.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.stages().stream()
                .filter(stage -> !stage.platform().isEmpty() && !stage.platform().contains("BUILDPLATFORM")
                        && !stage.platform().contains("TARGETPLATFORM"))
                .map(stage -> new Violation(stage.from(), stage.platform()))
                .toList();
    }
}
