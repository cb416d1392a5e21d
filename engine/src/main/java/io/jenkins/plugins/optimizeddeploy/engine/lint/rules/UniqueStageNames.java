package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DL3024: a repeated stage name makes --from and --target ambiguous to readers. */
final class UniqueStageNames extends DockerfileRule {

    UniqueStageNames() {
        super("DL3024", Severity.ERROR, "FROM aliases (stage names) must be unique.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        Set<String> seen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            if (!stage.name().isEmpty() && !seen.add(stage.name())) {
                violations.add(new Violation(stage.from(), stage.name()));
            }
        }
        return violations;
    }
}
