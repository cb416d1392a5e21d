package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** OD1011: RUN --security=insecure runs the step without the sandbox, with every capability of the host. */
final class NoInsecureRun extends DockerfileRule {

    NoInsecureRun() {
        super("OD1011", Severity.WARNING, "RUN --security=insecure runs the step unsandboxed with full privileges;"
                + " do the privileged work outside the image build.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return analyzed.runs().stream()
                .filter(run -> run.flags().value("security").filter("insecure"::equals).isPresent())
                .map(Violation::at)
                .toList();
    }
}
