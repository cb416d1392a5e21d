package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** DL3007: the latest tag moves, so the same Dockerfile builds different images over time. */
final class NoLatestTag extends DockerfileRule {

    NoLatestTag() {
        super("DL3007", Severity.WARNING, "Using latest is prone to errors if the image will ever update."
                + " Pin the version explicitly to a release tag.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            BaseImage.of(dockerfile, stage)
                    .filter(image -> image.tag().equals("latest") && image.digest().isEmpty())
                    .ifPresent(image -> violations.add(Violation.at(stage.from())));
        }
        return violations;
    }
}
