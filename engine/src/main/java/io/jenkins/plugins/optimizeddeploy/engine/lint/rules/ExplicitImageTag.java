package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** DL3006: an untagged FROM pulls whatever latest is on the day of the build. */
final class ExplicitImageTag extends DockerfileRule {

    ExplicitImageTag() {
        super("DL3006", Severity.WARNING, "Always tag the version of an image explicitly.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            BaseImage.of(dockerfile, stage)
                    .filter(image -> image.tag().isEmpty() && image.digest().isEmpty())
                    .ifPresent(image -> violations.add(Violation.at(stage.from())));
        }
        return violations;
    }
}
