package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3021: with several sources the destination must be a folder, written with a trailing slash. */
final class CopyManySourcesIntoFolder extends DockerfileRule {

    CopyManySourcesIntoFolder() {
        super("DL3021", Severity.ERROR, "COPY with more than 2 arguments requires the last argument to end with /.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return analyzed.instructions("copy").stream()
                .filter(copy -> copy.args().size() > 2 && !CopySources.destination(copy).endsWith("/"))
                .map(Violation::at)
                .toList();
    }
}
