package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL4004: only the last ENTRYPOINT of a stage takes effect. */
final class SingleEntrypoint extends DockerfileRule {

    SingleEntrypoint() {
        super("DL4004", Severity.ERROR, "Multiple ENTRYPOINT instructions found."
                + " If you list more than one ENTRYPOINT then only the last ENTRYPOINT will take effect.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return RepeatedInstructions.afterTheFirstInEachStage(dockerfile, "entrypoint");
    }
}
