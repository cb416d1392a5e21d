package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** OD1004: build arguments used by RUN are recorded in the image history. */
final class SecretInArg extends DockerfileRule {

    SecretInArg() {
        super("OD1004", Severity.WARNING, "A secret-looking ARG ends up in the image history when a RUN uses it;"
                + " use RUN --mount=type=secret instead.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return SecretNames.in(analyzed, "arg");
    }
}
