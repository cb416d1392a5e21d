package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL4000: MAINTAINER is deprecated; a LABEL such as org.opencontainers.image.authors says the same. */
final class NoMaintainer extends DockerfileRule {

    NoMaintainer() {
        super("DL4000", Severity.ERROR, "MAINTAINER is deprecated.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return analyzed.instructions("maintainer").stream().map(Violation::at).toList();
    }
}
