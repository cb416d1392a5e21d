package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** OD1003: ENV values are stored in the image config, readable by anyone who can pull the image. */
final class SecretInEnv extends DockerfileRule {

    SecretInEnv() {
        super("OD1003", Severity.ERROR, "A secret-looking ENV is stored in the image for anyone who pulls it;"
                + " pass secrets at run time or use RUN --mount=type=secret during the build.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return SecretNames.in(analyzed, "env");
    }
}
