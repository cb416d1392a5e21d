package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** DL3020: ADD of a plain local file also unpacks archives and fetches URLs; COPY does only what it says. */
final class CopyInsteadOfAdd extends DockerfileRule {
    static final Pattern ARCHIVE =
            Pattern.compile("(?i).*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|tar\\.zst|tzst|gz|bz2|xz|zst)$");

    CopyInsteadOfAdd() {
        super("DL3020", Severity.ERROR, "Use COPY instead of ADD for files and folders.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction add : StageScope.ofKeyword(dockerfile, "add")) {
            List<String> local = CopySources.of(add).stream()
                    .filter(source -> !CopySources.isRemote(source) && !ARCHIVE.matcher(source).matches())
                    .toList();
            if (!local.isEmpty()) {
                violations.add(new Violation(add, String.join(", ", local)));
            }
        }
        return violations;
    }
}
