package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** DL3020: ADD of a plain local file also unpacks archives and fetches URLs; COPY does only what it says. */
final class CopyInsteadOfAdd extends DockerfileRule {
    CopyInsteadOfAdd() {
        super("DL3020", Severity.ERROR, "Use COPY instead of ADD for files and folders.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction add : analyzed.instructions("add")) {
            List<String> local = CopySources.of(add).stream()
                    .filter(source -> !CopySources.isRemote(source) && !CopySources.isArchive(source))
                    .toList();
            if (!local.isEmpty()) {
                violations.add(new Violation(add, String.join(", ", local)));
            }
        }
        return violations;
    }
}
